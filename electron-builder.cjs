/**
 * electron-builder configuration; electron-builder finds this file by its name (`npm run dist`, README "Releasing").
 * Code rather than YAML for one reason: macOS's hardened runtime and notarisation follow whether signing is
 * configured, which only code can decide. CommonJS (.cjs) because an `electron-builder.js` beside tsconfig's
 * `baseUrl: "."` would shadow the electron-builder package for TypeScript. electron-builder calls the exported
 * function and uses what it returns.
 *
 * Native module: better-sqlite3 ships as the Electron build that scripts/rebuild-electron-native.mjs writes to
 * build/native/electron/better_sqlite3.node (the beforePack hook makes it for the platform and architecture being
 * packed). It goes into the app at that same relative path and is unpacked from the asar archive, so
 * `electronNativeBinding(app.getAppPath())` (src/main/core-host.ts) finds it unchanged: Electron's fs reports the
 * file inside `app.asar`, and `process.dlopen` loads it from `app.asar.unpacked`. electron-builder's own rebuild
 * (npmRebuild) stays off: it would rebuild node_modules/better-sqlite3 in place for Electron and break the Node
 * build that the tests and `npm run serve` use.
 */

/** Expanded by electron-builder when it writes app-update.yml and latest*.yml; packaging fails if it is unset. */
const UPDATE_FEED_URL = '${env.DISPATCH_UPDATE_URL}';

/** @returns {import('electron-builder').Configuration} */
module.exports = function packagingConfig() {
  const env = process.env;
  // Signing is configured by a certificate file (CSC_LINK) or a keychain identity name (CSC_NAME).
  const macSigning = Boolean(env.CSC_LINK || env.CSC_NAME);
  const notarising = macSigning && Boolean(env.APPLE_API_KEY || env.APPLE_ID || env.APPLE_KEYCHAIN_PROFILE);
  return {
    appId: 'com.dispatchcontrolroom.desktop',
    productName: 'Dispatch Control Room',
    directories: { buildResources: 'build', output: 'dist' },
    files: [
      // What electron-vite built (main with its workers and the core process, preload, renderer) and the web
      // renderer (npm run build:web) that `--headless` serves from out/web (src/main/headless-mode.ts).
      'out/**',
      'package.json',
      'build/native/electron/better_sqlite3.node',
      // The window icon on Linux, read from the app path like the native module.
      'resources/icon.png',
      // Production node_modules are added by electron-builder; better-sqlite3's Node build, C sources and SQLite
      // amalgamation are dead weight in the app (it loads the Electron build above through `nativeBinding`).
      '!**/node_modules/better-sqlite3/{build,deps,src}{,/**/*}',
    ],
    // The native module must be a real file to be loaded; the web renderer is served by a static file server in
    // headless mode, which then reads real files instead of Electron extracting each one from the archive.
    asarUnpack: ['build/native/electron/*.node', 'out/web/**'],
    npmRebuild: false,
    beforePack: './scripts/electron-builder-before-pack.mjs',
    publish: [{ provider: 'generic', url: UPDATE_FEED_URL }],

    linux: {
      target: ['AppImage', 'deb'],
      icon: 'build/icons',
      category: 'Office',
      executableName: 'dispatch-control-room',
      maintainer: 'Dispatch Control Room maintainers <maintainers@dispatch-control-room.example>',
      vendor: 'Dispatch Control Room',
      synopsis: 'Control room for field-service dispatch centres',
      desktop: {
        entry: {
          GenericName: 'Field-service dispatch',
          Keywords: 'dispatch;field service;work order;SLA;technician;',
        },
      },
    },
    appImage: { artifactName: '${name}-${version}-${arch}.${ext}' },
    deb: { priority: 'optional' },

    win: { target: ['nsis'], icon: 'build/icon.ico' },
    nsis: {
      // An assisted installer whose first page asks "only for me" (no admin rights) or "for all users".
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Dispatch Control Room',
      // The database lives in the user-data folder; an uninstall must never take a centre's data with it.
      deleteAppDataOnUninstall: false,
      // No spaces: the name is also the download URL in latest.yml.
      artifactName: '${name}-setup-${version}.${ext}',
    },

    mac: {
      // zip beside dmg: electron-updater installs macOS updates from the zip, the dmg is for first installs.
      target: ['dmg', 'zip'],
      icon: 'build/icon.icns',
      category: 'public.app-category.business',
      hardenedRuntime: macSigning,
      gatekeeperAssess: false,
      notarize: notarising,
      artifactName: '${name}-${version}-mac-${arch}.${ext}',
    },
    dmg: { title: '${productName} ${version}' },
  };
};
