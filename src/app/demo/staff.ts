import type { NewUser, StationRecord } from '../ports/store';

/** One demo login: who, with which badge and PIN. The README lists these for newcomers. */
export interface DemoLogin {
  name: string;
  role: NewUser['role'];
  badgeCode: string;
  pin: string;
  language: NewUser['language'];
}

/** Demo badges and PINs are public knowledge by design; a real station replaces these people. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { name: 'Anna Kowalska', role: 'packer', badgeCode: 'PD-P-0001', pin: '1111', language: null },
  { name: 'Piotr Nowak', role: 'packer', badgeCode: 'PD-P-0002', pin: '2222', language: 'pl' },
  { name: 'Zofia Wiśniewska', role: 'packer', badgeCode: 'PD-P-0003', pin: '3333', language: null },
  { name: 'Marek Zieliński', role: 'packer', badgeCode: 'PD-P-0004', pin: '4444', language: null },
  { name: 'Olena Bondarenko', role: 'packer', badgeCode: 'PD-P-0005', pin: '5555', language: 'en' },
  { name: 'Katarzyna Wójcik', role: 'manager', badgeCode: 'PD-M-0001', pin: '7001', language: 'pl' },
  { name: 'Tomasz Lewandowski', role: 'manager', badgeCode: 'PD-M-0002', pin: '7002', language: null },
  { name: 'Agnieszka Kamińska', role: 'returns', badgeCode: 'PD-R-0001', pin: '8001', language: null },
  { name: 'Jan Dąbrowski', role: 'admin', badgeCode: 'PD-A-0001', pin: '9001', language: 'en' },
];

export function demoUsers(): { user: Omit<NewUser, 'pinHash'>; pin: string }[] {
  return DEMO_LOGINS.map(({ pin, ...user }) => ({ user: { ...user }, pin }));
}

export function demoStations(): StationRecord[] {
  return [
    { id: 'ST-01', name: 'Stanowisko 1', language: 'en', idleLogoutMinutes: 15, badgeOnlyLogin: true, kind: 'packing', timeZone: 'Europe/Warsaw' },
    { id: 'ST-02', name: 'Stanowisko 2', language: 'pl', idleLogoutMinutes: 15, badgeOnlyLogin: true, kind: 'packing', timeZone: 'Europe/Warsaw' },
    // The returns desk: its screen is the returns desk, whoever logs in there.
    { id: 'ST-03', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 15, badgeOnlyLogin: true, kind: 'returns', timeZone: 'Europe/Warsaw' },
  ];
}
