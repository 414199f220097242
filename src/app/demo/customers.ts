import type { Address } from '../../domain/order';
import { CZECHIA, GERMANY, LONG_ADDRESS, POLAND, type CountryPeople } from './people';
import type { SeededRandom } from './random';

export interface DemoCustomer {
  customerName: string;
  shipTo: Address;
}

// Reserved for documentation (RFC 2606), so no demo e-mail can ever reach a real person.
const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

/** E-mail local parts drop diacritics; ł and ß have no combining form to strip. */
function asciiLower(text: string): string {
  return text
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

interface Spelled {
  text: string;
  ascii: string;
}

export interface PreparedCountry {
  people: CountryPeople;
  /** [female, male] */
  firstNames: (readonly [Spelled, Spelled])[];
  surnames: (readonly [Spelled, Spelled])[];
}

function spell(text: string): Spelled {
  return { text, ascii: asciiLower(text) };
}

/** Makes up the shop's customers; the ASCII spellings are worked out once, not per order. */
export class CustomerBook {
  private readonly countries: PreparedCountry[];

  constructor(private readonly random: SeededRandom) {
    this.countries = [POLAND, GERMANY, CZECHIA].map((people) => ({
      people,
      firstNames: people.firstNames.map(([f, m]) => [spell(f), spell(m)] as const),
      surnames: people.surnames.map(([f, m]) => [spell(f), spell(m)] as const),
    }));
  }

  /** Mostly Polish customers, some across the German and Czech borders. */
  pickCountry(): PreparedCountry {
    const roll = this.random.next();
    const index = roll < 0.85 ? 0 : roll < 0.94 ? 1 : 2;
    const country = this.countries[index];
    if (!country) throw new RangeError('no such country');
    return country;
  }

  country(code: string): PreparedCountry {
    const country = this.countries.find((c) => c.people.country === code);
    if (!country) throw new RangeError(`no demo customers in ${code}`);
    return country;
  }

  person(country: PreparedCountry = this.pickCountry()): DemoCustomer {
    const random = this.random;
    const sex = random.chance(0.55) ? 0 : 1;
    const first = random.pick(country.firstNames)[sex];
    const last = random.pick(country.surnames)[sex];
    const name = `${first.text} ${last.text}`;
    const email = random.chance(0.85) ? `${first.ascii}.${last.ascii}${random.chance(0.3) ? random.int(1, 99) : ''}@${random.pick(MAIL_DOMAINS)}` : null;
    return { customerName: name, shipTo: this.address(country, name, null, email) };
  }

  /** A business customer: the company is the customer, a person receives the parcel. */
  business(country: PreparedCountry = this.pickCountry()): DemoCustomer {
    const company = this.random.pick(country.people.companies);
    const contact = this.person(country);
    const email = `zamowienia@${this.random.pick(MAIL_DOMAINS)}`;
    return { customerName: company, shipTo: this.address(country, contact.customerName, company, email) };
  }

  /** The deliberately over-long address, for label and slip layout. */
  longAddress(): DemoCustomer {
    return {
      customerName: LONG_ADDRESS.name,
      shipTo: { ...LONG_ADDRESS, phone: POLAND.phone(this.random.digits(9)), email: `biuro@${MAIL_DOMAINS[0]}` },
    };
  }

  private address(country: PreparedCountry, name: string, company: string | null, email: string | null): Address {
    const random = this.random;
    const { people } = country;
    const [city, postcodeStart] = random.pick(people.cities);
    const flat = random.chance(0.45) ? random.int(1, 120) : null;
    return {
      name,
      company,
      street: people.street(random.pick(people.streets), random.int(1, 180), flat),
      city,
      postcode: people.postcode(postcodeStart + random.digits(5 - postcodeStart.length)),
      country: people.country,
      phone: random.chance(0.9) ? people.phone(random.digits(9)) : null,
      email,
    };
  }
}
