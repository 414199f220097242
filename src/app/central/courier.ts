import type { Logger, StationPorts } from '../ports';
import type { ShopLabelSink } from '../ports/backend';
import type { CentralFilesLink } from '../ports/central-files';
import type { VideoFiles, VideoRepository } from '../ports/video';

export interface CourierDeps {
  link: CentralFilesLink;
  /** The station's clips; null where it keeps no video. */
  video: { segments: VideoRepository; files: VideoFiles } | null;
  /** Prints a label the shop bought on the label printer through the print queue, archived and journaled (app/sync/labels). */
  printLabel: ShopLabelSink;
  logger: Logger;
}

export type CourierStep = 'idle' | 'worked' | 'unreachable';

/**
 * An attached station's errand runner for central: it long-polls central for what central wants
 * of it (the station opens no port of its own) and delivers it: a clip a manager elsewhere asked
 * to play, uploaded signed and hashed as it is on disk now; labels the shop bought for orders
 * packed here, printed here. Keeps nothing in memory: whatever it did not finish, central asks again.
 */
export class CentralCourier {
  constructor(private readonly deps: CourierDeps) {}

  async step(waitMs: number): Promise<CourierStep> {
    const wants = await this.deps.link.wants(waitMs);
    if (!wants.reached) return 'unreachable';
    for (const segmentId of wants.value.segments) await this.sendClip(segmentId);
    if (wants.value.labels > 0) await this.printLabels();
    return wants.value.segments.length + wants.value.labels > 0 ? 'worked' : 'idle';
  }

  private async sendClip(segmentId: number): Promise<void> {
    const { link, video, logger } = this.deps;
    const segment = video?.segments.byId(segmentId) ?? null;
    const file = segment?.path && segment.status === 'closed' ? video!.files.locate(segment.path) : null;
    if (!segment || !file || !video) {
      const reason = segment?.status === 'deleted' ? 'deleted by the video retention' : 'not on this station';
      logger.warn('central asked for a clip this station does not have', { segmentId, reason });
      await link.clipMissing(segmentId, reason);
      return;
    }
    // Hashed as the file is now, not as recorded: central compares it with the journal's hash.
    const sha256 = video.files.sha256(segment.path!);
    if (!sha256) return void (await link.clipMissing(segmentId, 'not on this station'));
    const sent = await link.deliverClip(segmentId, file, sha256);
    if (!sent.reached) logger.warn('a clip could not be sent to central', { segmentId, why: sent.why });
    else if (!sent.value.accepted) logger.error('central refused a clip of this station', { segmentId, reason: sent.value.reason });
    else logger.info('clip sent to central for a manager at another station', { segmentId, bytes: segment.bytes });
  }

  private async printLabels(): Promise<void> {
    const { link, printLabel, logger } = this.deps;
    const labels = await link.labels();
    if (!labels.reached) return;
    for (const label of labels.value) {
      const result = printLabel(
        { trackingNumber: label.trackingNumber, format: label.format, bytes: label.bytes },
        { orderNumber: label.orderNumber, parcelIndex: 1 },
      );
      logger.info('label bought by the shop, handed back by central, queued to print', { orderNumber: label.orderNumber, ...result });
      // Told one at a time: a station stopped here prints at most this one label again.
      await link.labelsTaken([label.id]);
    }
  }
}

/** The courier of a station attached to central with a files link; null otherwise. */
export function courierFor(ports: Pick<StationPorts, 'central' | 'video' | 'logger'>, printLabel: ShopLabelSink): CentralCourier | null {
  if (!ports.central?.files) return null;
  const video = ports.video ? { segments: ports.video.segments, files: ports.video.files } : null;
  return new CentralCourier({ link: ports.central.files, video, printLabel, logger: ports.logger });
}
