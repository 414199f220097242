import type { Tracking } from '../../domain/catalog';

/** Where a product's main barcode comes from. */
export type BarcodeSource = 'ean' | 'upc' | 'sku';

/** One product family of the demo shop; each variant becomes a product with its own SKU. */
export interface ProductLine {
  key: string;
  /** SKU prefix: KB-1001, KB-1002, … */
  prefix: string;
  name: string;
  /** Appended after a comma; '' for a single product. A number is that variant's weight. */
  variants: readonly (string | readonly [string, number])[];
  grams: number;
  tracking?: Tracking;
  refuseExpired?: boolean;
  /** Hygiene goods the shop does not take back once sent. */
  nonReturnable?: boolean;
  barcode?: BarcodeSource;
  /** Units in the wholesale case whose GTIN-14 the shop also scans. */
  caseOf?: 6 | 12;
  /** Cheap things shops and workshops order by the fifty or hundred. */
  bulk?: boolean;
  /** Glass, porcelain, ceramics, bulbs and lamps: the packer wraps them and the statistics count them as harder work. */
  fragile?: boolean;
}

const one = [''] as const;

export const ELECTRONICS: readonly ProductLine[] = [
  {
    key: 'usbc-cable',
    prefix: 'KB',
    name: 'Kabel USB-C – USB-C 60 W',
    variants: ['0,5 m, czarny', '1 m, czarny', '1 m, biały', '2 m, czarny', '2 m, biały'],
    grams: 38,
    bulk: true,
  },
  { key: 'lightning-cable', prefix: 'KB', name: 'Kabel USB-A – Lightning', variants: ['1 m', '2 m'], grams: 32, barcode: 'upc' },
  {
    key: 'hdmi-cable',
    prefix: 'KB',
    name: 'Kabel HDMI 2.1 8K',
    variants: [
      ['1 m', 70],
      ['2 m', 110],
      ['3 m', 150],
      ['5 m', 230],
    ],
    grams: 110,
  },
  { key: 'micro-cable', prefix: 'KB', name: 'Kabel USB-C – micro USB', variants: ['1 m'], grams: 30 },
  {
    key: 'ethernet-cable',
    prefix: 'KB',
    name: 'Kabel Ethernet Cat 6',
    variants: [
      ['1 m', 45],
      ['3 m', 95],
      ['5 m', 140],
      ['10 m', 260],
    ],
    grams: 95,
    bulk: true,
  },
  {
    key: 'power-strip',
    prefix: 'KB',
    name: 'Przedłużacz listwa 5 gniazd z wyłącznikiem',
    variants: [
      ['1,5 m', 420],
      ['3 m', 520],
      ['5 m', 680],
    ],
    grams: 520,
  },
  { key: 'charger-20', prefix: 'LD', name: 'Ładowarka sieciowa USB-C 20 W', variants: ['biała', 'czarna'], grams: 62 },
  { key: 'charger-gan', prefix: 'LD', name: 'Ładowarka GaN 65 W, 3 porty', variants: ['biała', 'czarna'], grams: 115, tracking: 'serial' },
  { key: 'car-charger', prefix: 'LD', name: 'Ładowarka samochodowa 2× USB', variants: one, grams: 28 },
  { key: 'qi-charger', prefix: 'LD', name: 'Ładowarka indukcyjna Qi 15 W', variants: one, grams: 95 },
  { key: 'powerbank-10', prefix: 'PB', name: 'Powerbank 10000 mAh', variants: ['czarny', 'biały'], grams: 210, tracking: 'serial' },
  { key: 'powerbank-20', prefix: 'PB', name: 'Powerbank 20000 mAh PD 30 W', variants: one, grams: 365, tracking: 'serial' },
  { key: 'earbuds', prefix: 'SL', name: 'Słuchawki bezprzewodowe douszne ANC', variants: ['czarne', 'białe', 'granatowe'], grams: 58, tracking: 'serial' },
  { key: 'wired-earphones', prefix: 'SL', name: 'Słuchawki przewodowe jack 3,5 mm', variants: ['czarne', 'białe'], grams: 24 },
  { key: 'headphones', prefix: 'SL', name: 'Słuchawki nauszne Bluetooth', variants: ['czarne'], grams: 255, tracking: 'serial' },
  { key: 'smartwatch', prefix: 'SM', name: 'Smartwatch sportowy GPS', variants: ['czarny', 'różowy'], grams: 72, tracking: 'serial' },
  { key: 'fitness-band', prefix: 'SM', name: 'Opaska fitness z pulsometrem', variants: ['czarna'], grams: 35, tracking: 'serial' },
  { key: 'speaker', prefix: 'GL', name: 'Głośnik Bluetooth wodoodporny', variants: ['czarny', 'niebieski'], grams: 540, tracking: 'serial' },
  { key: 'ip-camera', prefix: 'KM', name: 'Kamera IP Wi-Fi obrotowa', variants: ['biała'], grams: 310, tracking: 'serial' },
  { key: 'outdoor-camera', prefix: 'KM', name: 'Kamera IP zewnętrzna Full HD', variants: one, grams: 480, tracking: 'serial' },
  {
    key: 'iphone-case',
    prefix: 'ET',
    name: 'Etui silikonowe iPhone 15',
    variants: ['czarne', 'przezroczyste', 'granatowe', 'różowe'],
    grams: 31,
    barcode: 'upc',
  },
  { key: 'glass', prefix: 'ET', name: 'Szkło hartowane 9H', variants: ['Galaxy S24', 'Galaxy S24+', 'Galaxy A55'], grams: 22, fragile: true },
  { key: 'car-holder', prefix: 'ET', name: 'Uchwyt samochodowy magnetyczny', variants: one, grams: 82 },
  { key: 'bike-holder', prefix: 'ET', name: 'Uchwyt rowerowy na telefon', variants: one, grams: 96 },
  { key: 'stylus', prefix: 'ET', name: 'Rysik pojemnościowy', variants: ['biały', 'czarny'], grams: 18 },
  {
    key: 'aa',
    prefix: 'BT',
    name: 'Baterie alkaliczne AA',
    variants: [
      ['4 szt.', 98],
      ['8 szt.', 192],
    ],
    grams: 98,
    caseOf: 12,
    bulk: true,
  },
  { key: 'aaa', prefix: 'BT', name: 'Baterie alkaliczne AAA', variants: ['4 szt.'], grams: 48, caseOf: 12, bulk: true },
  { key: 'nimh', prefix: 'BT', name: 'Akumulatorki Ni-MH AA 2500 mAh', variants: ['4 szt.'], grams: 120 },
  { key: 'mouse', prefix: 'MY', name: 'Mysz bezprzewodowa', variants: ['czarna', 'szara'], grams: 86 },
  { key: 'mousepad', prefix: 'MY', name: 'Podkładka pod mysz XL', variants: one, grams: 310 },
  { key: 'keyboard', prefix: 'MY', name: 'Klawiatura bezprzewodowa, układ PL', variants: one, grams: 455 },
  { key: 'hub', prefix: 'MY', name: 'Hub USB-C 7w1', variants: one, grams: 95 },
  { key: 'microsd', prefix: 'MY', name: 'Karta microSD 128 GB', variants: one, grams: 6, barcode: 'upc' },
  { key: 'pendrive', prefix: 'MY', name: 'Pendrive 64 GB USB 3.2', variants: one, grams: 11, barcode: 'upc' },
  { key: 'hdmi-adapter', prefix: 'MY', name: 'Adapter USB-C – HDMI 4K', variants: one, grams: 35 },
  { key: 'usb-adapter', prefix: 'MY', name: 'Adapter USB-C – USB-A', variants: ['2 szt.'], grams: 14, bulk: true },
  { key: 'laptop-stand', prefix: 'MY', name: 'Stojak na laptopa aluminiowy', variants: ['srebrny', 'szary'], grams: 890 },
  { key: 'ring-light', prefix: 'MY', name: 'Lampa pierścieniowa 26 cm ze statywem', variants: one, grams: 1150, fragile: true },
  { key: 'cable-ties', prefix: 'OP', name: 'Opaski kablowe 200 mm', variants: ['100 szt.'], grams: 150, bulk: true, barcode: 'sku' },
  { key: 'cable-organiser', prefix: 'OP', name: 'Organizer kabli', variants: ['czarny'], grams: 42 },
  { key: 'led-strip', prefix: 'OP', name: 'Taśma LED RGB 5 m', variants: one, grams: 250 },
  {
    key: 'bulb-e27',
    prefix: 'OP',
    name: 'Żarówka LED E27 9 W',
    variants: ['ciepła biała', 'neutralna biała'],
    grams: 55,
    caseOf: 6,
    bulk: true,
    fragile: true,
  },
  { key: 'bulb-gu10', prefix: 'OP', name: 'Żarówka LED GU10 5 W', variants: one, grams: 40, caseOf: 6, bulk: true, fragile: true },
];

export const HOME: readonly ProductLine[] = [
  { key: 'thermo-mug', prefix: 'DM', name: 'Kubek termiczny 450 ml', variants: ['grafitowy', 'miętowy', 'kremowy'], grams: 320 },
  { key: 'filter-bottle', prefix: 'DM', name: 'Butelka filtrująca 600 ml', variants: ['niebieska', 'szara'], grams: 180 },
  { key: 'towel', prefix: 'DM', name: 'Ręcznik bawełniany 70×140', variants: ['biały', 'szary', 'granatowy', 'pudrowy róż'], grams: 500 },
  { key: 'bedding', prefix: 'DM', name: 'Pościel satynowa 160×200', variants: ['biała', 'szara'], grams: 1300 },
  { key: 'cushion', prefix: 'DM', name: 'Poduszka dekoracyjna 45×45', variants: ['musztardowa', 'butelkowa zieleń', 'beżowa'], grams: 400 },
  { key: 'blanket', prefix: 'DM', name: 'Koc z mikrofibry 150×200', variants: ['szary', 'beżowy'], grams: 900 },
  {
    key: 'candle',
    prefix: 'DM',
    name: 'Świeca sojowa ręcznie robiona',
    variants: ['lawenda', 'wanilia', 'drzewo sandałowe', 'jabłko z cynamonem'],
    grams: 220,
    barcode: 'sku',
  },
  { key: 'tote', prefix: 'DM', name: 'Torba bawełniana z nadrukiem', variants: ['Dzień dobry', 'Żółw', 'Łąka'], grams: 110, barcode: 'sku' },
  {
    key: 'food-box',
    prefix: 'DM',
    name: 'Pojemnik szklany na żywność',
    variants: [
      ['0,6 l', 390],
      ['1 l', 520],
    ],
    grams: 520,
    caseOf: 6,
    fragile: true,
  },
  {
    key: 'board',
    prefix: 'DM',
    name: 'Deska do krojenia bambusowa',
    variants: [
      ['mała', 420],
      ['duża', 780],
    ],
    grams: 600,
  },
  { key: 'knife', prefix: 'DM', name: 'Nóż szefa kuchni 20 cm', variants: one, grams: 210 },
  { key: 'knife-block', prefix: 'DM', name: 'Zestaw noży 5 szt. z blokiem', variants: one, grams: 2100 },
  {
    key: 'pan',
    prefix: 'DM',
    name: 'Patelnia ceramiczna',
    variants: [
      ['24 cm', 820],
      ['28 cm', 1080],
    ],
    grams: 900,
  },
  { key: 'grinder', prefix: 'DM', name: 'Młynek do kawy ręczny', variants: one, grams: 450 },
  { key: 'cup', prefix: 'DM', name: 'Filiżanka porcelanowa ze spodkiem', variants: ['biała', 'kobaltowa'], grams: 290, fragile: true },
  { key: 'infuser', prefix: 'DM', name: 'Zaparzacz do herbaty stalowy', variants: one, grams: 40 },
  { key: 'cloths', prefix: 'DM', name: 'Ściereczki z mikrofibry', variants: ['5 szt.'], grams: 120, caseOf: 12, bulk: true },
  { key: 'hangers', prefix: 'DM', name: 'Wieszaki drewniane', variants: ['10 szt.'], grams: 1100 },
  {
    key: 'drawer-organiser',
    prefix: 'DM',
    name: 'Organizer do szuflady',
    variants: [
      ['mały', 120],
      ['duży', 210],
    ],
    grams: 150,
  },
  { key: 'night-light', prefix: 'DM', name: 'Lampka nocna LED z czujnikiem ruchu', variants: one, grams: 90 },
  { key: 'vase', prefix: 'DM', name: 'Wazon ceramiczny', variants: ['biały', 'terakota'], grams: 750, fragile: true },
  { key: 'jug', prefix: 'DM', name: 'Dzbanek filtrujący 2,4 l', variants: one, grams: 640 },
  { key: 'jug-filter', prefix: 'DM', name: 'Wkład filtrujący do dzbanka', variants: ['3 szt.'], grams: 260, caseOf: 6 },
  { key: 'bath-mat', prefix: 'DM', name: 'Dywanik łazienkowy 50×80', variants: ['szary', 'miętowy'], grams: 480 },
  { key: 'curtain', prefix: 'DM', name: 'Zasłona zaciemniająca 140×250', variants: ['grafit', 'beż'], grams: 980 },
];

export const GARDEN: readonly ProductLine[] = [
  {
    key: 'pot',
    prefix: 'OG',
    name: 'Doniczka ceramiczna',
    variants: [
      ['ø 12 cm', 350],
      ['ø 16 cm', 610],
      ['ø 20 cm', 980],
      ['ø 25 cm', 1650],
    ],
    grams: 610,
    fragile: true,
  },
  {
    key: 'basket',
    prefix: 'OG',
    name: 'Osłonka na doniczkę wiklinowa',
    variants: [
      ['ø 18 cm', 260],
      ['ø 24 cm', 390],
    ],
    grams: 300,
  },
  {
    key: 'self-watering-pot',
    prefix: 'OG',
    name: 'Doniczka samonawadniająca',
    variants: [
      ['ø 14 cm', 180],
      ['ø 21 cm', 330],
    ],
    grams: 250,
  },
  {
    key: 'seeds',
    prefix: 'OG',
    name: 'Nasiona',
    variants: ['pomidor koktajlowy', 'bazylia', 'rzodkiewka', 'marchew', 'słonecznik', 'lawenda'],
    grams: 9,
    caseOf: 12,
    bulk: true,
  },
  { key: 'lawn-seed', prefix: 'OG', name: 'Nasiona trawy 1 kg', variants: ['sportowa', 'cienista'], grams: 1040 },
  {
    key: 'soil',
    prefix: 'OG',
    name: 'Ziemia uniwersalna',
    variants: [
      ['10 l', 4100],
      ['20 l', 8200],
    ],
    grams: 4100,
  },
  { key: 'orchid-soil', prefix: 'OG', name: 'Podłoże do storczyków 3 l', variants: one, grams: 900 },
  { key: 'orchid-food', prefix: 'OG', name: 'Nawóz do storczyków 250 ml', variants: one, grams: 300 },
  { key: 'lawn-food', prefix: 'OG', name: 'Nawóz granulowany do trawnika 5 kg', variants: one, grams: 5100 },
  { key: 'secateurs', prefix: 'OG', name: 'Sekator nożycowy', variants: one, grams: 230 },
  { key: 'gloves', prefix: 'OG', name: 'Rękawice ogrodnicze', variants: ['S', 'M', 'L'], grams: 62 },
  { key: 'can', prefix: 'OG', name: 'Konewka ogrodowa 5 l', variants: ['zielona', 'antracyt'], grams: 450 },
  {
    key: 'hose',
    prefix: 'OG',
    name: 'Wąż ogrodowy ½″',
    variants: [
      ['15 m', 1800],
      ['25 m', 3000],
    ],
    grams: 1800,
  },
  { key: 'sprinkler', prefix: 'OG', name: 'Zraszacz wahadłowy', variants: one, grams: 400 },
  { key: 'solar-lamp', prefix: 'OG', name: 'Lampa solarna ogrodowa', variants: ['4 szt.'], grams: 600 },
  { key: 'garland', prefix: 'OG', name: 'Girlanda świetlna LED 10 m', variants: one, grams: 350 },
  { key: 'bird-feeder', prefix: 'OG', name: 'Karmnik dla ptaków drewniany', variants: one, grams: 800, barcode: 'sku' },
  { key: 'insect-hotel', prefix: 'OG', name: 'Domek dla owadów', variants: one, grams: 700, barcode: 'sku' },
  { key: 'canes', prefix: 'OG', name: 'Podpórki do roślin bambusowe 60 cm', variants: ['25 szt.'], grams: 300, bulk: true },
  { key: 'shade-net', prefix: 'OG', name: 'Siatka cieniująca 1,5×10 m', variants: one, grams: 1200 },
  { key: 'rake', prefix: 'OG', name: 'Grabie metalowe', variants: one, grams: 900 },
  { key: 'spade', prefix: 'OG', name: 'Łopata ogrodowa', variants: one, grams: 1500 },
  { key: 'wheelbarrow', prefix: 'OG', name: 'Taczka ogrodowa 80 l', variants: one, grams: 13500 },
  { key: 'composter', prefix: 'OG', name: 'Kompostownik 300 l', variants: one, grams: 9000 },
  { key: 'hammock', prefix: 'OG', name: 'Hamak bawełniany', variants: ['ecru', 'szary'], grams: 1200 },
];

export const BEAUTY: readonly ProductLine[] = [
  { key: 'face-cream', prefix: 'KS', name: 'Krem nawilżający do twarzy 50 ml', variants: ['cera sucha', 'cera mieszana'], grams: 120, tracking: 'lot' },
  { key: 'serum', prefix: 'KS', name: 'Serum z witaminą C 30 ml', variants: one, grams: 90, tracking: 'lot', refuseExpired: true },
  { key: 'spf', prefix: 'KS', name: 'Krem z filtrem SPF 50, 50 ml', variants: one, grams: 85, tracking: 'lot', refuseExpired: true },
  { key: 'eye-cream', prefix: 'KS', name: 'Krem pod oczy 15 ml', variants: one, grams: 45 },
  { key: 'shampoo', prefix: 'KS', name: 'Szampon do włosów 400 ml', variants: ['przeciwłupieżowy', 'do włosów farbowanych'], grams: 440, tracking: 'lot' },
  { key: 'conditioner', prefix: 'KS', name: 'Odżywka do włosów 200 ml', variants: one, grams: 230 },
  { key: 'hair-mask', prefix: 'KS', name: 'Maska do włosów z keratyną 250 ml', variants: one, grams: 290 },
  { key: 'lip-balm', prefix: 'KS', name: 'Balsam do ust SPF 15', variants: ['wiśnia', 'naturalny'], grams: 12, caseOf: 12, bulk: true },
  { key: 'hand-cream', prefix: 'KS', name: 'Krem do rąk 75 ml', variants: ['mocznik 10%', 'róża', 'bez zapachu'], grams: 90, caseOf: 6 },
  { key: 'shower-gel', prefix: 'KS', name: 'Żel pod prysznic 500 ml', variants: ['cytrusy', 'lawenda', 'męski'], grams: 540 },
  { key: 'micellar', prefix: 'KS', name: 'Płyn micelarny 400 ml', variants: one, grams: 430, tracking: 'lot' },
  { key: 'argan', prefix: 'KS', name: 'Olejek arganowy 50 ml', variants: one, grams: 140, tracking: 'lot', refuseExpired: true },
  { key: 'soap', prefix: 'KS', name: 'Mydło naturalne ręcznie robione', variants: ['oliwkowe', 'z węglem', 'kozie mleko'], grams: 110, barcode: 'sku' },
  { key: 'deodorant', prefix: 'KS', name: 'Dezodorant roll-on 50 ml', variants: ['damski', 'męski'], grams: 70 },
  { key: 'perfume', prefix: 'KS', name: 'Woda perfumowana 50 ml', variants: ['Kwiat wiśni', 'Noc w Krakowie'], grams: 300, fragile: true },
  { key: 'nail-polish', prefix: 'KS', name: 'Lakier do paznokci 10 ml', variants: ['czerwony', 'nude', 'bordo', 'czarny', 'róż'], grams: 40 },
  { key: 'lipstick', prefix: 'KS', name: 'Pomadka matowa', variants: ['01 róż', '05 czerwień', '09 brąz'], grams: 20 },
  { key: 'scrub', prefix: 'KS', name: 'Peeling cukrowy do ciała', variants: ['kokos', 'malina'], grams: 260 },
  { key: 'sonic-brush', prefix: 'HG', name: 'Szczoteczka soniczna do zębów', variants: ['biała', 'czarna'], grams: 350, nonReturnable: true },
  { key: 'brush-heads', prefix: 'HG', name: 'Końcówki do szczoteczki sonicznej', variants: ['4 szt.'], grams: 30, nonReturnable: true, caseOf: 12 },
  { key: 'bamboo-brush', prefix: 'HG', name: 'Szczoteczka do zębów bambusowa', variants: ['miękka', 'średnia'], grams: 20, nonReturnable: true },
  { key: 'razor', prefix: 'HG', name: 'Maszynka do golenia z 3 wkładami', variants: one, grams: 110, nonReturnable: true },
  { key: 'cup-menstrual', prefix: 'HG', name: 'Kubeczek menstruacyjny', variants: ['S', 'L'], grams: 30, nonReturnable: true },
  { key: 'sponge', prefix: 'HG', name: 'Gąbka do makijażu', variants: one, grams: 15, nonReturnable: true },
  { key: 'floss', prefix: 'HG', name: 'Nić dentystyczna 50 m', variants: one, grams: 20, nonReturnable: true, caseOf: 12 },
  { key: 'vitamin-d', prefix: 'SU', name: 'Witamina D3 2000 IU, 120 kapsułek', variants: one, grams: 90, tracking: 'lot', refuseExpired: true },
  { key: 'vitamin-dk', prefix: 'SU', name: 'Witamina D3 + K2, 60 kapsułek', variants: one, grams: 70, tracking: 'lot', refuseExpired: true },
  { key: 'omega', prefix: 'SU', name: 'Omega-3 1000 mg, 90 kapsułek', variants: one, grams: 160, tracking: 'lot', refuseExpired: true },
  { key: 'magnesium', prefix: 'SU', name: 'Magnez + B6, 100 tabletek', variants: one, grams: 110, tracking: 'lot', refuseExpired: true },
  { key: 'collagen', prefix: 'SU', name: 'Kolagen w proszku 300 g', variants: ['cytrynowy', 'naturalny'], grams: 340, tracking: 'lot', refuseExpired: true },
  { key: 'vitamin-c', prefix: 'SU', name: 'Witamina C 1000 mg, 60 tabletek', variants: one, grams: 95, tracking: 'lot', refuseExpired: true },
  { key: 'probiotic', prefix: 'SU', name: 'Probiotyk, 30 kapsułek', variants: one, grams: 45, tracking: 'lot', refuseExpired: true },
  { key: 'sleep-tea', prefix: 'SU', name: 'Herbata ziołowa na sen, 20 saszetek', variants: one, grams: 60, tracking: 'lot' },
];

/** A kit sold under its own SKU; components name a product line, its variant and the quantity. */
export interface KitLine {
  name: string;
  components: readonly (readonly [lineKey: string, variant: number, quantity: number])[];
}

export const KITS: readonly KitLine[] = [
  {
    name: 'Zestaw ładowania: ładowarka 20 W + kabel USB-C 1 m',
    components: [
      ['charger-20', 0, 1],
      ['usbc-cable', 2, 1],
    ],
  },
  {
    name: 'Zestaw pielęgnacyjny do twarzy',
    components: [
      ['face-cream', 0, 1],
      ['serum', 0, 1],
      ['micellar', 0, 1],
    ],
  },
  {
    name: 'Zestaw ogrodnika: sekator, rękawice, konewka',
    components: [
      ['secateurs', 0, 1],
      ['gloves', 1, 1],
      ['can', 0, 1],
    ],
  },
  {
    name: 'Zestaw do kawy dla dwojga',
    components: [
      ['grinder', 0, 1],
      ['cup', 0, 2],
    ],
  },
  {
    name: 'Zestaw balkonowy: doniczki, ziemia i bazylia',
    components: [
      ['pot', 1, 3],
      ['soil', 0, 1],
      ['seeds', 1, 1],
    ],
  },
  {
    name: 'Zestaw home office',
    components: [
      ['mouse', 0, 1],
      ['keyboard', 0, 1],
      ['mousepad', 0, 1],
      ['hub', 0, 1],
    ],
  },
  {
    name: 'Zestaw witamin na zimę',
    components: [
      ['vitamin-d', 0, 1],
      ['vitamin-c', 0, 1],
      ['omega', 0, 1],
    ],
  },
  {
    name: 'Zestaw prezentowy „Wieczór w domu”',
    components: [
      ['candle', 0, 1],
      ['blanket', 0, 1],
      ['thermo-mug', 2, 1],
    ],
  },
  {
    name: 'Zestaw podróżny: powerbank, kabel i słuchawki',
    components: [
      ['powerbank-10', 0, 1],
      ['usbc-cable', 0, 1],
      ['wired-earphones', 0, 1],
    ],
  },
];
