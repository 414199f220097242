import { describe, expect, it } from 'vitest';
import { dataDirFlag } from '../../../main/arguments';

describe('dataDirFlag', () => {
  it('reads --data DIR and --data=DIR', () => {
    expect(dataDirFlag(['/usr/bin/electron', '/app', '--data', '/srv/station'])).toBe('/srv/station');
    expect(dataDirFlag(['/opt/Packdesk/packdesk', '--data=/srv/station 2'])).toBe('/srv/station 2');
  });

  it('takes the last one given', () => {
    expect(dataDirFlag(['--data', '/a', '--data=/b'])).toBe('/b');
  });

  it('ignores a missing or empty value and unrelated flags', () => {
    expect(dataDirFlag(['/app'])).toBeUndefined();
    expect(dataDirFlag(['/app', '--data'])).toBeUndefined();
    expect(dataDirFlag(['/app', '--data', '--kiosk'])).toBeUndefined();
    expect(dataDirFlag(['/app', '--data='])).toBeUndefined();
    expect(dataDirFlag(['/app', '--database', '/x'])).toBeUndefined();
  });
});
