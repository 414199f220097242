/** The part of aws4 (AWS Signature Version 4, MIT) central uses to sign its bucket requests. */
declare module 'aws4' {
  interface SignableRequest {
    host: string;
    path: string;
    method: string;
    service: string;
    region: string;
    headers: Record<string, string>;
    body?: string | Buffer;
  }
  interface Credentials {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  }
  export function sign(request: SignableRequest, credentials: Credentials): SignableRequest;
  const aws4: { sign: typeof sign };
  export default aws4;
}
