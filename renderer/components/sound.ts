/**
 * Verdict sounds made with Web Audio, so no audio files ship: a packer must hear the difference
 * between "good" and "stop" without looking at the screen.
 */
export type SoundKind = 'ok' | 'error' | 'notice' | 'accepted' | 'line' | 'order' | 'prompt' | ReturnsSound;

/** The returns desk's own tones (issue 10): a handler next to a packing desk must not mistake them for the packer's. */
export type ReturnsSound = 'returnFound' | 'returnNothing' | 'returnItem' | 'returnWrong' | 'returnRefused' | 'returnDone';

interface Tone {
  frequency: number;
  type: OscillatorType;
  start: number;
  duration: number;
}

/** Notes of one wave shape, each [frequency in Hz, start in s, duration in s]. */
const notes = (type: OscillatorType, ...list: [frequency: number, start: number, duration: number][]): Tone[] =>
  list.map(([frequency, start, duration]) => ({ frequency, type, start, duration }));

const TONES: Record<SoundKind, Tone[]> = {
  // Two short rising beeps.
  ok: notes('sine', [880, 0, 0.08], [1320, 0.1, 0.1]),
  // A long low double buzz that cannot be mistaken for the ok beep.
  error: notes('square', [180, 0, 0.25], [140, 0.32, 0.35]),
  notice: notes('triangle', [660, 0, 0.12]),
  // One short high beep: the unit counted, scan the next.
  accepted: notes('sine', [1760, 0, 0.07]),
  // Two high beeps: this line is done.
  line: notes('sine', [1760, 0, 0.07], [1760, 0.11, 0.07]),
  // A rising major chord: everything is in the parcel.
  order: notes('sine', [1047, 0, 0.12], [1319, 0.1, 0.12], [1568, 0.2, 0.12], [2093, 0.3, 0.25]),
  // A soft two-tone question (falling, then up again): the station wants one more thing.
  prompt: notes('triangle', [740, 0, 0.12], [988, 0.15, 0.16]),
  // The returns desk, all on a marimba-like triangle wave, lower than packing's sines.
  // Found: a falling then rising third (a parcel known).
  returnFound: notes('triangle', [587, 0, 0.09], [494, 0.11, 0.09], [740, 0.22, 0.14]),
  // Nothing matched: three even mid knocks, a question rather than a stop.
  returnNothing: notes('triangle', [392, 0, 0.1], [392, 0.16, 0.1], [392, 0.32, 0.1]),
  // An item matched what was shipped: one round knock.
  returnItem: notes('triangle', [523, 0, 0.1]),
  // A wrong item: a sawtooth slide down, recorded but worth a look.
  returnWrong: notes('sawtooth', [466, 0, 0.14], [311, 0.16, 0.22]),
  // Refused by the rules: a low square pulse with a gap, unlike packing's double buzz.
  returnRefused: notes('square', [220, 0, 0.14], [220, 0.2, 0.14], [165, 0.4, 0.3]),
  // Decided or closed: a falling fifth to the tonic, settled.
  returnDone: notes('triangle', [784, 0, 0.12], [523, 0.14, 0.24]),
};

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  // Browsers start the context suspended until a user gesture; a scan or key press is one.
  if (context.state === 'suspended') void context.resume();
  return context;
}

/** Plays the sound of a verdict; silent (never throwing) where audio is unavailable. */
export function playSound(kind: SoundKind): void {
  const ctx = audio();
  if (!ctx) return;
  const now = ctx.currentTime;
  for (const tone of TONES[kind]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.value = tone.frequency;
    // Short fades avoid the click of a hard start and stop.
    gain.gain.setValueAtTime(0, now + tone.start);
    gain.gain.linearRampToValueAtTime(0.3, now + tone.start + 0.01);
    gain.gain.setValueAtTime(0.3, now + tone.start + tone.duration - 0.02);
    gain.gain.linearRampToValueAtTime(0, now + tone.start + tone.duration);
    osc.connect(gain).connect(ctx.destination);
    osc.start(now + tone.start);
    osc.stop(now + tone.start + tone.duration + 0.01);
  }
}
