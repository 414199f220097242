/** Name and address tables for the demo customers; spelled with their real diacritics. */

export interface CountryPeople {
  country: string;
  /** A mobile number in the country's usual grouping, from nine random digits. */
  phone(digits: string): string;
  /** [female, male] first names. */
  firstNames: readonly (readonly [string, string])[];
  /** [female, male] surnames; most languages here inflect them. */
  surnames: readonly (readonly [string, string])[];
  streets: readonly string[];
  /** City and the leading digits of its postcodes. */
  cities: readonly (readonly [string, string])[];
  companies: readonly string[];
  /** Notes customers leave at checkout. */
  notes: readonly string[];
  /** How the country writes a postcode from five digits. */
  postcode(digits: string): string;
  /** Street, house number and flat, in the country's order. */
  street(name: string, house: number, flat: number | null): string;
}

export const POLAND: CountryPeople = {
  country: 'PL',
  phone: (d) => `+48 ${'5678'[Number(d[0]) % 4]}${d.slice(1, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  firstNames: [
    ['Anna', 'Piotr'], ['Małgorzata', 'Krzysztof'], ['Katarzyna', 'Andrzej'], ['Agnieszka', 'Tomasz'],
    ['Barbara', 'Paweł'], ['Ewa', 'Michał'], ['Joanna', 'Łukasz'], ['Magdalena', 'Grzegorz'],
    ['Aleksandra', 'Józef'], ['Zofia', 'Jakub'], ['Żaneta', 'Mikołaj'], ['Jadwiga', 'Wojciech'],
    ['Halina', 'Stanisław'], ['Urszula', 'Bartłomiej'], ['Beata', 'Przemysław'], ['Iwona', 'Zbigniew'],
    ['Dorota', 'Jarosław'], ['Elżbieta', 'Maciej'], ['Wiesława', 'Radosław'], ['Bożena', 'Sławomir'],
  ],
  surnames: [
    ['Nowak', 'Nowak'], ['Kowalska', 'Kowalski'], ['Wiśniewska', 'Wiśniewski'], ['Wójcik', 'Wójcik'],
    ['Kowalczyk', 'Kowalczyk'], ['Kamińska', 'Kamiński'], ['Lewandowska', 'Lewandowski'], ['Zielińska', 'Zieliński'],
    ['Szymańska', 'Szymański'], ['Woźniak', 'Woźniak'], ['Dąbrowska', 'Dąbrowski'], ['Kozłowska', 'Kozłowski'],
    ['Jankowska', 'Jankowski'], ['Mazur', 'Mazur'], ['Krawczyk', 'Krawczyk'], ['Piątek', 'Piątek'],
    ['Grabowska', 'Grabowski'], ['Pawłowska', 'Pawłowski'], ['Michalska', 'Michalski'], ['Król', 'Król'],
    ['Wieczorek', 'Wieczorek'], ['Jabłońska', 'Jabłoński'], ['Wróbel', 'Wróbel'], ['Nowakowska', 'Nowakowski'],
    ['Majewska', 'Majewski'], ['Olszewska', 'Olszewski'], ['Stępień', 'Stępień'], ['Jaworska', 'Jaworski'],
    ['Małecka', 'Małecki'], ['Górska', 'Górski'], ['Sikora', 'Sikora'], ['Żak', 'Żak'],
    ['Chmielewska', 'Chmielewski'], ['Ściborska', 'Ściborski'], ['Łuczak', 'Łuczak'], ['Źrałek', 'Źrałek'],
    ['Maćkowiak', 'Maćkowiak'], ['Ćwiklińska', 'Ćwikliński'], ['Dziedzic', 'Dziedzic'], ['Bieńkowska', 'Bieńkowski'],
  ],
  streets: [
    'ul. Marszałkowska', 'ul. Świętokrzyska', 'ul. Żeromskiego', 'ul. Łąkowa', 'al. Jerozolimskie',
    'ul. Źródlana', 'ul. Ogrodowa', 'ul. Kościuszki', 'ul. Słoneczna', 'ul. Różana', 'ul. Piłsudskiego',
    'ul. Mickiewicza', 'ul. Długa', 'ul. Polna', 'ul. Leśna', 'ul. Wiśniowa', 'ul. Żwirki i Wigury',
    'ul. Chełmońskiego', 'os. Złotego Wieku', 'ul. Wrzosowa', 'ul. Księżycowa', 'pl. Wolności',
    'ul. Ułańska', 'ul. Krótka', 'ul. Jaśminowa', 'ul. Grunwaldzka', 'ul. Bohaterów Westerplatte',
  ],
  cities: [
    ['Warszawa', '0'], ['Kraków', '3'], ['Łódź', '9'], ['Wrocław', '5'], ['Poznań', '6'], ['Gdańsk', '80'],
    ['Szczecin', '7'], ['Bydgoszcz', '85'], ['Lublin', '20'], ['Białystok', '15'], ['Katowice', '40'],
    ['Gdynia', '81'], ['Częstochowa', '42'], ['Toruń', '87'], ['Kielce', '25'], ['Rzeszów', '35'],
    ['Gliwice', '44'], ['Zielona Góra', '65'], ['Olsztyn', '10'], ['Opole', '45'], ['Bielsko-Biała', '43'],
    ['Zakopane', '34500'], ['Świnoujście', '72600'], ['Żyrardów', '96300'], ['Łańcut', '37100'],
    ['Ełk', '19300'], ['Sępólno Krajeńskie', '89400'], ['Gniezno', '62200'], ['Nowy Sącz', '33300'], ['Ćmielów', '27440'],
  ],
  companies: [
    'Sklep Ogrodniczy Zielony Zakątek Sp. z o.o.', 'Hurtownia Elektryczna Iskra s.c.', 'Pensjonat Pod Jodłą',
    'Kwiaciarnia Różany Ogród', 'Biuro Rachunkowe Żółtowski i Wspólnicy', 'Salon Kosmetyczny Śliczna',
    'Przedszkole Niepubliczne Słoneczko', 'Restauracja Pod Złotą Kaczką', 'Drukarnia Łódzka Sp. j.',
  ],
  notes: [
    'Proszę zapakować na prezent.', 'To prezent – proszę nie wkładać paragonu.', 'Proszę dobrze zabezpieczyć szkło.',
    'Proszę dzwonić przed dostawą.', 'W razie nieobecności zostawić u sąsiada spod 12.', 'Faktura na firmę, NIP w mailu.',
  ],
  postcode: (d) => `${d.slice(0, 2)}-${d.slice(2)}`,
  street: (name, house, flat) => `${name} ${house}${flat ? `/${flat}` : ''}`,
};

export const GERMANY: CountryPeople = {
  country: 'DE',
  phone: (d) => `+49 15${d.slice(0, 1)} ${d.slice(1)}`,
  firstNames: [
    ['Grete', 'Jürgen'], ['Anna', 'Lukas'], ['Sophie', 'Jörg'], ['Käthe', 'Günther'], ['Lena', 'Björn'],
    ['Hannah', 'Maximilian'], ['Jördis', 'Matthias'], ['Frauke', 'Uwe'], ['Brigitte', 'Dieter'], ['Ursula', 'Klaus'],
  ],
  surnames: [
    ['Müller', 'Müller'], ['Schröder', 'Schröder'], ['Weiß', 'Weiß'], ['Groß', 'Groß'], ['Krüger', 'Krüger'],
    ['Köhler', 'Köhler'], ['Böhm', 'Böhm'], ['Jäger', 'Jäger'], ['Strauß', 'Strauß'], ['Schäfer', 'Schäfer'],
    ['Hoffmann', 'Hoffmann'], ['Becker', 'Becker'], ['Wagner', 'Wagner'], ['Fuchs', 'Fuchs'],
  ],
  streets: [
    'Hauptstraße', 'Schloßallee', 'Müllerstraße', 'Königsweg', 'Bahnhofstraße', 'Lindenstraße', 'Am Südhang',
    'Gartenstraße', 'Rosenstraße', 'Straße des 17. Juni', 'Görlitzer Straße', 'Große Bäckerstraße', 'Fährweg',
  ],
  cities: [
    ['Berlin', '10'], ['München', '80'], ['Köln', '50'], ['Düsseldorf', '40'], ['Nürnberg', '90'],
    ['Görlitz', '02826'], ['Frankfurt (Oder)', '15230'], ['Lübeck', '23'], ['Würzburg', '97'],
    ['Saarbrücken', '66'], ['Dresden', '01'], ['Fürth', '90762'],
  ],
  companies: ['Gartenbau Müller GmbH', 'Blumenhaus Weiß & Söhne', 'Bäckerei Köhler OHG', 'Elektro Jäger e.K.'],
  notes: ['Bitte beim Nachbarn abgeben.', 'Bitte als Geschenk verpacken.', 'Klingel defekt, bitte anrufen.'],
  postcode: (d) => d,
  street: (name, house) => `${name} ${house}`,
};

export const CZECHIA: CountryPeople = {
  country: 'CZ',
  phone: (d) => `+420 ${'67'[Number(d[0]) % 2]}${d.slice(1, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  firstNames: [
    ['Jana', 'Jiří'], ['Eva', 'Petr'], ['Hana', 'Tomáš'], ['Lenka', 'Jaroslav'], ['Věra', 'Miroslav'],
    ['Kateřina', 'Václav'], ['Zdeňka', 'Luboš'], ['Markéta', 'Radek'], ['Božena', 'Bořivoj'], ['Šárka', 'Ondřej'],
  ],
  surnames: [
    ['Dvořáková', 'Dvořák'], ['Nováková', 'Novák'], ['Černá', 'Černý'], ['Procházková', 'Procházka'],
    ['Kučerová', 'Kučera'], ['Veselá', 'Veselý'], ['Horáková', 'Horák'], ['Němcová', 'Němec'],
    ['Růžičková', 'Růžička'], ['Šťastná', 'Šťastný'], ['Křížová', 'Kříž'], ['Žáková', 'Žák'],
  ],
  streets: [
    'Národní', 'Václavské náměstí', 'Křižíkova', 'Masarykova', 'Žižkova', 'Husova', 'Dvořákova', 'Palackého',
    'Nádražní', 'Školní', 'Jiráskova', 'Štefánikova', 'Řeznická',
  ],
  cities: [
    ['Praha', '1'], ['Brno', '6'], ['Ostrava', '7'], ['Plzeň', '3'], ['České Budějovice', '370'], ['Liberec', '460'],
    ['Olomouc', '779'], ['Hradec Králové', '500'], ['Ústí nad Labem', '400'], ['Kroměříž', '767'], ['Třebíč', '674'],
  ],
  companies: ['Zahradnictví Dvořák s.r.o.', 'Květinářství Růžička', 'Elektro Černý a syn s.r.o.'],
  notes: ['Prosím zabalit jako dárek.', 'Před doručením prosím volejte.', 'Nechte u souseda, děkuji.'],
  postcode: (d) => `${d.slice(0, 3)} ${d.slice(3)}`,
  street: (name, house, flat) => `${name} ${house}${flat ? `/${flat}` : ''}`,
};

/** The one address that does not fit on a label line: labels and slips must wrap or shrink it. */
export const LONG_ADDRESS = {
  name: 'Małgorzata Brzęczyszczykiewicz-Szczebrzeszyńska',
  company: 'Przedsiębiorstwo Handlowo-Usługowe „Źdźbło” Spółka z ograniczoną odpowiedzialnością Spółka Komandytowa',
  street:
    'ul. Generała Władysława Andersa 123/45 lok. 6, budynek C, klatka schodowa II, piętro 3, wejście od podwórza (domofon 45, kod 1234#)',
  city: 'Szczebrzeszyn',
  postcode: '22-460',
  country: 'PL',
} as const;
