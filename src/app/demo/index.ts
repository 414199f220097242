export { demoCatalog, demoShop, caseCode, DEMO_BOXES, DEMO_CATALOG_SEED, type DemoShop } from './catalog';
export { demoOrders, DEMO_ORDER_SEED, FIRST_ORDER_NUMBER, type DemoOrderOptions } from './orders';
export { demoStations, demoUsers, DEMO_LOGINS, type DemoLogin } from './staff';
export { seedDemo, type SeedCounts, type SeedOptions } from './seed';
export { seedHistory, HISTORY_MAX_ORDERS, type HistoryCounts, type HistoryOptions } from './history';
