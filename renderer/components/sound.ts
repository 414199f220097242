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

const TONES: Record<SoundKind, Tone[]> = {
  // Two short rising beeps.
  ok: [
    { frequency: 880, type: 'sine', start: 0, duration: 0.08 },
    { frequency: 1320, type: 'sine', start: 0.1, duration: 0.1 },
  ],
  // A long low double buzz that cannot be mistaken for the ok beep.
  error: [
    { frequency: 180, type: 'square', start: 0, duration: 0.25 },
    { frequency: 140, type: 'square', start: 0.32, duration: 0.35 },
  ],
  notice: [{ frequency: 660, type: 'triangle', start: 0, duration: 0.12 }],
  // One short high beep: the unit counted, scan the next.
  accepted: [{ frequency: 1760, type: 'sine', start: 0, duration: 0.07 }],
  // Two high beeps: this line is done.
  line: [
    { frequency: 1760, type: 'sine', start: 0, duration: 0.07 },
    { frequency: 1760, type: 'sine', start: 0.11, duration: 0.07 },
  ],
  // A rising major chord: everything is in the parcel.
  order: [
    { frequency: 1047, type: 'sine', start: 0, duration: 0.12 },
    { frequency: 1319, type: 'sine', start: 0.1, duration: 0.12 },
    { frequency: 1568, type: 'sine', start: 0.2, duration: 0.12 },
    { frequency: 2093, type: 'sine', start: 0.3, duration: 0.25 },
  ],
  // A soft two-tone question (falling, then up again): the station wants one more thing.
  prompt: [
    { frequency: 740, type: 'triangle', start: 0, duration: 0.12 },
    { frequency: 988, type: 'triangle', start: 0.15, duration: 0.16 },
  ],
  // The returns desk, all on a marimba-like triangle wave, lower than packing's sines.
  // Found: a falling then rising third (a parcel known).
  returnFound: [
    { frequency: 587, type: 'triangle', start: 0, duration: 0.09 },
    { frequency: 494, type: 'triangle', start: 0.11, duration: 0.09 },
    { frequency: 740, type: 'triangle', start: 0.22, duration: 0.14 },
  ],
  // Nothing matched: three even mid knocks, a question rather than a stop.
  returnNothing: [
    { frequency: 392, type: 'triangle', start: 0, duration: 0.1 },
    { frequency: 392, type: 'triangle', start: 0.16, duration: 0.1 },
    { frequency: 392, type: 'triangle', start: 0.32, duration: 0.1 },
  ],
  // An item matched what was shipped: one round knock.
  returnItem: [{ frequency: 523, type: 'triangle', start: 0, duration: 0.1 }],
  // A wrong item: a sawtooth slide down, recorded but worth a look.
  returnWrong: [
    { frequency: 466, type: 'sawtooth', start: 0, duration: 0.14 },
    { frequency: 311, type: 'sawtooth', start: 0.16, duration: 0.22 },
  ],
  // Refused by the rules: a low square pulse with a gap, unlike packing's double buzz.
  returnRefused: [
    { frequency: 220, type: 'square', start: 0, duration: 0.14 },
    { frequency: 220, type: 'square', start: 0.2, duration: 0.14 },
    { frequency: 165, type: 'square', start: 0.4, duration: 0.3 },
  ],
  // Decided or closed: a falling fifth to the tonic, settled.
  returnDone: [
    { frequency: 784, type: 'triangle', start: 0, duration: 0.12 },
    { frequency: 523, type: 'triangle', start: 0.14, duration: 0.24 },
  ],
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
