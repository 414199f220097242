/** The base64 payload of a data: URL (what returns.photo.add takes), or null when it is not a JPEG one. */
export function jpegBase64(dataUrl: string): string | null {
  const prefix = 'data:image/jpeg;base64,';
  return dataUrl.startsWith(prefix) && dataUrl.length > prefix.length ? dataUrl.slice(prefix.length) : null;
}

/** A still of the video's current frame as JPEG base64, at the camera's own size. */
export function stillOf(video: HTMLVideoElement, quality = 0.85): string | null {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d', { alpha: false })?.drawImage(video, 0, 0, width, height);
  return jpegBase64(canvas.toDataURL('image/jpeg', quality));
}
