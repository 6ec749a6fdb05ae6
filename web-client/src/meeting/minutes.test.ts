import { describe, expect, it } from 'vitest';
import { minutesFileName, minutesPath } from './minutes';

describe('minutes downloads', () => {
  it('asks for Swedish by default and English on request', () => {
    expect(minutesPath('w1', 'pdf', 'sv')).toBe('/workshops/w1/meeting/minutes.pdf');
    expect(minutesPath('w1', 'md', 'en')).toBe('/workshops/w1/meeting/minutes.md?lang=en');
  });

  it('escapes the workshop id', () => {
    expect(minutesPath('a/b', 'md', 'sv')).toBe('/workshops/a%2Fb/meeting/minutes.md');
  });

  it('names the file as a protocol in Swedish and as minutes in English', () => {
    expect(minutesFileName('w1', 'pdf', 'sv')).toBe('protokoll-w1.pdf');
    expect(minutesFileName('w1', 'md', 'en')).toBe('minutes-w1.md');
  });
});

describe('erased participants', () => {
  it('are recognised by the name the server gives them', async () => {
    const { isErased } = await import('./minutes');
    expect(isErased('Raderad deltagare')).toBe(true);
    expect(isErased('Anna')).toBe(false);
    expect(isErased(null)).toBe(false);
  });
});
