import type { Family } from './say';
import { num, str, word } from './words';

/** Documents, video, evidence and the journal's own check. */
export const describeRecords: Family = ({ entry, v, pl, p }) => {
  switch (entry.type) {
    case 'document.made': {
      const parcel = num(p.parcel) !== null ? (pl ? `, paczka ${num(p.parcel)}` : `, parcel ${num(p.parcel)}`) : '';
      const sent =
        p.printJobId === null ? (pl ? '; zachowany, nie wysłany do drukarki' : '; kept, not sent to a printer') : pl ? '; wysłany do druku' : '; sent to print';
      return pl ? `Utworzono: ${word(v.documents, p.kind)}${parcel}${sent}.` : `Made the ${word(v.documents, p.kind)}${parcel}${sent}.`;
    }
    case 'document.reprinted': {
      const parcel = num(p.parcel) !== null ? (pl ? `, paczka ${num(p.parcel)}` : `, parcel ${num(p.parcel)}`) : '';
      // A slip made again carries what came after it was first made (the carriers' tracking numbers).
      const anew =
        num(p.madeAgainFrom) !== null ? (pl ? ', zrobiono na nowo z aktualnymi numerami przesyłek' : ', made anew with the tracking numbers known now') : '';
      return pl ? `Wydrukowano ponownie: ${word(v.documents, p.kind)}${parcel}${anew}.` : `Printed the ${word(v.documents, p.kind)} again${parcel}${anew}.`;
    }
    case 'video.segment': {
      if (str(p.kind) === 'nvr')
        return pl ? `Zapisano odnośnik do nagrania kamery ${str(p.cameraId) ?? ''}.` : `Kept a link to camera ${str(p.cameraId) ?? ''}’s recording.`;
      const seconds = clipSeconds(str(p.startedAt), str(p.endedAt));
      const size = `${Math.round((num(p.bytes) ?? 0) / 1024)} kB`;
      const ret = str(p.returnNumber);
      if (ret) return pl ? `Zapisano nagranie zwrotu ${ret}: ${seconds} s, ${size}.` : `Saved the video of return ${ret}: ${seconds} s, ${size}.`;
      return pl ? `Zapisano nagranie pakowania: ${seconds} s, ${size}.` : `Saved the packing video: ${seconds} s, ${size}.`;
    }
    case 'video.problem':
      return pl
        ? `Problem z kamerą: ${word(v.cameraProblems, p.problem)}${str(p.detail) ? ` (${str(p.detail)})` : ''}; zasada: ${word(v.videoPolicies, p.policy)}.`
        : `Camera problem: ${word(v.cameraProblems, p.problem)}${str(p.detail) ? ` (${str(p.detail)})` : ''}; the station’s rule: ${word(v.videoPolicies, p.policy)}.`;
    case 'video.deleted':
      return pl ? `Usunięto nagranie: ${word(v.deleteReasons, p.reason)}.` : `Deleted a video clip: ${word(v.deleteReasons, p.reason)}.`;
    case 'video.settings':
      return pl
        ? `Zmieniono nagrywanie: ${word(v.videoModes, p.mode)}; bez kamery: ${word(v.videoPolicies, p.policy)}.`
        : `Changed the recording: ${word(v.videoModes, p.mode)}; without a camera: ${word(v.videoPolicies, p.policy)}.`;
    case 'evidence.exported':
      return pl ? `Wyeksportowano pakiet dowodowy ${str(p.file) ?? ''}.` : `Exported the evidence package ${str(p.file) ?? ''}.`;
    case 'central.requeued':
      return pl
        ? `Zdarzenie sklepu nr ${num(p.centralId) ?? '?'} odłożone w centrali (stanowisko ${str(p.stationId) ?? '?'}, zamówienie ${str(p.orderNumber) ?? '?'}) wysłano ponownie.`
        : `Sent shop event ${num(p.centralId) ?? '?'} parked at central (station ${str(p.stationId) ?? '?'}, order ${str(p.orderNumber) ?? '?'}) again.`;
    case 'journal.verified':
      if (p.intact === false)
        return pl
          ? `Sprawdzono dziennik: USZKODZONY przy wpisie ${num(p.firstProblemSeq) ?? '?'} (sprawdzono ${num(p.entries) ?? 0} wpisów).`
          : `Checked the journal: BROKEN at entry ${num(p.firstProblemSeq) ?? '?'} (${num(p.entries) ?? 0} entries read).`;
      return pl ? `Sprawdzono dziennik: ${num(p.entries) ?? 0} wpisów nienaruszonych.` : `Checked the journal: ${num(p.entries) ?? 0} entries intact.`;
    default:
      return null;
  }
};

function clipSeconds(start: string | null, end: string | null): number {
  if (!start || !end) return 0;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000));
}
