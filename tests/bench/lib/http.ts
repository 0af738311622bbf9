/** A small JSON client for the real server, signed in as the demo member through `cookie`. */
export class Api {
  constructor(
    readonly baseUrl: string,
    /** The session cookie (`name=value`), sent with every request and WebSocket upgrade; '' before accounts. */
    readonly cookie: string,
  ) {}

  /** Headers that identify the bench's member; for fetch and for `ws` upgrades alike. */
  get headers(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? this.headers : { ...this.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }
}

/** Milliseconds since an arbitrary origin, sub-millisecond: the one clock every bench measurement uses. */
export const now = () => performance.now();
