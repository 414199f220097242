import type { MinorMoney, Order, OrderStatus } from '../../domain/order';
import type { Language, User } from '../../domain/user';
import type { Barcode, BoxType, KitComponent, Product } from '../../domain/catalog';
import type { CompletedLine } from '../../domain/statistics';
import type { OrderSummary } from '../../contract/schemas';

export interface StationRecord {
  id: string;
  name: string;
  language: Language;
  idleLogoutMinutes: number;
  /** Packers and returns handlers may log in with the badge alone; managers and admins add their PIN. */
  badgeOnlyLogin: boolean;
  /** A packing desk or a returns desk: the screen a login lands on there. */
  kind: StationKind;
  /** IANA time zone of the station's calendar (deadlines in days): Europe/Warsaw unless set. */
  timeZone: string;
}

export type StationKind = 'packing' | 'returns';

export type LoginEndReason = 'logout' | 'idle' | 'ended_by_manager' | 'replaced' | 'user_inactive';

/** A person logged in at a station through one client (a browser, an Electron window, the console). */
export interface LoginRecord {
  id: number;
  /** The host's opaque key for the client; never the client's credential itself. */
  clientKey: string;
  stationId: string;
  userId: number;
  startedAt: string;
  lastActivityAt: string;
  endedAt: string | null;
  endReason: LoginEndReason | null;
}

export interface NewLogin {
  clientKey: string;
  stationId: string;
  userId: number;
  startedAt: string;
}

export interface NewUser {
  name: string;
  role: User['role'];
  badgeCode: string;
  pinHash: string;
  language: Language | null;
}

export interface StationRepository {
  get(id: string): StationRecord | null;
  /**
   * A station written without `badgeOnlyLogin`, `kind` or `timeZone` keeps its setting (a new one
   * allows badge-only, is a packing desk, in Europe/Warsaw).
   */
  upsert(station: Omit<StationRecord, 'badgeOnlyLogin' | 'kind' | 'timeZone'> & { badgeOnlyLogin?: boolean; kind?: StationKind; timeZone?: string }): void;
  list(): StationRecord[];
}

export interface UserRepository {
  /** Matched by a keyed hash of the normalised code (normaliseBadge); the code itself is never stored. */
  byBadge(badgeCode: string): User | null;
  byId(id: number): User | null;
  pinHash(id: number): string | null;
  listActive(): User[];
  /** Everyone, switched off too (the journal names them): active first, then by name. */
  list(): User[];
  insert(user: NewUser): number;
  setLanguage(id: number, language: Language | null): void;
  /** A manager's change of name, role or language, or switching the account off or on. */
  update(id: number, changes: { name?: string; role?: User['role']; language?: Language | null; active?: boolean }): void;
  setPinHash(id: number, pinHash: string): void;
  /** A new badge: the old one stops working. Only its keyed hash is stored. */
  setBadge(id: number, badgeCode: string): void;
}

export interface LoginRepository {
  /** The client's live login at a station, or null. */
  live(clientKey: string, stationId: string): LoginRecord | null;
  byId(id: number): LoginRecord | null;
  /** A client's live logins, at every station. */
  liveFor(clientKey: string): LoginRecord[];
  /** Live logins at a station, newest first. */
  liveAt(stationId: string): LoginRecord[];
  /** Every live login, so the core can end the idle ones. */
  allLive(): LoginRecord[];
  start(login: NewLogin): LoginRecord;
  touch(id: number, at: string): void;
  /** False when the login had already ended. */
  end(id: number, at: string, reason: LoginEndReason): boolean;
  /** Moves a client's live logins to a new key (a browser's credential is renewed at login). */
  rekey(from: string, to: string): number;
}

export interface QueueQuery {
  stationId: string;
  search: string;
  limit: number;
  offset: number;
}

export interface OrderListQuery {
  status?: OrderStatus;
  limit: number;
  offset: number;
}

export interface NewOrder extends Omit<Order, 'id' | 'lines'> {
  lines: { sku: string; quantity: number; unitPrice?: MinorMoney | null }[];
}

/** What the shop may change about an order before it is packed: whom and where it goes, how, and the note. */
export type OrderDetails = Pick<NewOrder, 'customerName' | 'shipTo' | 'carrierCode' | 'service' | 'delivery' | 'note'>;

export interface OrderRepository {
  queue(query: QueueQuery): { orders: OrderSummary[]; total: number };
  /** Every order in the local database, newest first, for the CLI and the manager. */
  list(query: OrderListQuery): { orders: OrderSummary[]; total: number };
  byId(id: number): Order | null;
  /** Order numbers and reference codes match ignoring case (a caps-lock scan still finds them). */
  byNumber(number: string): Order | null;
  /** Pick-list barcodes and tracking numbers of labels made earlier. */
  byReference(code: string): Order | null;
  /** The order's lines as the packing statistics count them (with each product's kit, weight and fragile marks), for its completion's entry. */
  statisticsLines(orderId: number): CompletedLine[];
  setStatus(id: number, status: OrderStatus): void;
  openAt(orderId: number): string | null;
  /** Opens the order at the station; throws ORDER_OPEN_ELSEWHERE if another holds it, ORDER_NOT_FOUND if none. */
  lock(orderId: number, stationId: string, userId: number, at: string): void;
  unlock(orderId: number, stationId: string): void;
  /** Every order held open at a station, oldest lock first. */
  locks(): { orderId: number; orderNumber: string; customerName: string; stationId: string; userId: number; lockedAt: string }[];
  /** Releases every order open at the station except the one given. */
  unlockStation(stationId: string, exceptOrderId?: number): void;
  count(): number;
  /**
   * All or nothing, with a pick-list reference `PL-<number>` per order. Every line's SKU must be
   * a product already (VALIDATION_FAILED lists the unknown ones), as must each number be new.
   */
  insertMany(orders: NewOrder[]): number;
}

/** A product as the station's own import gives it (a file, the demo): every mark said. */
export type CatalogProduct = Omit<Product, 'id'> & { barcodes: { code: string; unitsPerScan: number }[] };

/** What the station keeps about a product beyond a shop's record: shops do not say. */
type StationMarks = 'tracking' | 'refuseExpired' | 'returnable' | 'nonReturnableReason' | 'isKit' | 'fragile';

/**
 * A product as an import gives it: a mark it leaves out keeps what the product had (a shop's pull
 * says nothing of tracking, expired lots, returns or kits, a product file nothing of kits, Vendure
 * nothing of weight), and a new product starts weighing 0 g, not tracked, not refusing expired
 * lots, returnable, not a kit and not fragile.
 */
export type ImportedProduct = Omit<CatalogProduct, StationMarks | 'weightGrams'> & Partial<Pick<CatalogProduct, StationMarks | 'weightGrams'>>;

export interface CatalogImport {
  products: ImportedProduct[];
  kits: { kitSku: string; components: { sku: string; quantity: number }[] }[];
  boxes: Omit<BoxType, 'id'>[];
}

export interface CatalogRepository {
  productBySku(sku: string): Product | null;
  productById(id: number): Product | null;
  barcode(code: string): Barcode | null;
  barcodesOf(productId: number): Barcode[];
  kitComponents(kitProductId: number): KitComponent[];
  /** Box types in use, lightest first: what a packer may choose. */
  boxes(): BoxType[];
  /** Every box type, withdrawn ones too, for the manager's screen. */
  allBoxes(): (BoxType & { active: boolean })[];
  /** Adds a box type, or changes the one with the same code. */
  saveBox(box: Omit<BoxType, 'id'> & { active: boolean }): void;
  productCount(): number;
  importCatalog(catalog: CatalogImport): void;
}

/** Shift start times ("HH:MM", checked and sorted) as a manager set them. */
export interface ShiftRepository {
  /** The warehouse's starts, or null while nobody has set them. */
  warehouse(): string[] | null;
  /** The stations that keep their own starts. */
  stations(): Map<string, string[]>;
  /** The warehouse's starts (stationId null), or a station's own; a station's null goes back to the warehouse's. */
  save(stationId: string | null, starts: string[] | null, by: number | null, at: string): void;
}

/** The station's database, seen through its repositories. */
export interface Store {
  stations: StationRepository;
  shifts: ShiftRepository;
  users: UserRepository;
  logins: LoginRepository;
  orders: OrderRepository;
  catalog: CatalogRepository;
  /**
   * Runs fn in one transaction; nested calls join the outer one. fn must be synchronous (a
   * Promise is refused): SQLite commits when fn returns.
   */
  transaction<T>(fn: () => T): T;
  /** Online backup to the backups folder, rotated; returns the file written. */
  backupNow(): Promise<{ file: string; bytes: number }>;
  /**
   * Puts every transaction committed so far on the disk, so a power cut cannot lose it (a plain
   * commit survives a crash, not a power cut). After a commit, never inside a transaction.
   */
  makeDurable(): void;
}
