export { AdminPage, type AdminTab, type KeyKind } from './admin.page';
export { AppPage, type AppState } from './app.page';
export { BoardPage, type BoardFigure, type PanelName } from './board.page';
export { NewOrderForm, type NewOrderInput } from './new-order.page';
export { OrderDrawer } from './order-drawer.page';
export { LoginPage } from './login.page';
export { ReportsPage } from './reports.page';
export { TechPage } from './tech.page';
export { WallPage, type WallTile } from './wall.page';
