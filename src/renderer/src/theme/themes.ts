import { darkTheme, type GlobalThemeOverrides } from 'naive-ui';

const FONT = "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, system-ui, sans-serif";
const MONO = "'JetBrains Mono', 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace";

/** Workstations: light, dense, small type — a dispatcher scans many rows at once. */
export const workstationOverrides: GlobalThemeOverrides = {
  common: {
    fontFamily: FONT,
    fontFamilyMono: MONO,
    primaryColor: '#1f6feb',
    primaryColorHover: '#3b82f6',
    primaryColorPressed: '#1d4ed8',
    primaryColorSuppl: '#3b82f6',
    bodyColor: '#eef1f5',
    fontSize: '13px',
    fontSizeMedium: '13px',
    borderRadius: '4px',
  },
  DataTable: { thPaddingSmall: '6px 8px', tdPaddingSmall: '5px 8px', thFontWeight: '600', thColor: '#f6f8fa' },
  Card: { paddingSmall: '10px 12px', titleFontSizeSmall: '14px' },
};

/** Wall displays: dark and high-contrast, read from across the room. */
export const wallTheme = darkTheme;
export const wallOverrides: GlobalThemeOverrides = {
  common: {
    fontFamily: FONT,
    bodyColor: '#05070b',
    cardColor: '#0d1219',
    textColorBase: '#ffffff',
    textColor1: '#ffffff',
    textColor2: '#e6edf3',
    textColor3: '#b8c4d0',
    primaryColor: '#58a6ff',
  },
};
