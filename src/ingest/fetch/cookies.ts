/** A small cookie jar per host name: enough for ALLRIS's ASP and Wicket session cookies (JSESSIONID, TS01…). */
export class CookieJar {
  private readonly jar = new Map<string, Map<string, string>>();

  store(host: string, setCookie: string[]): void {
    for (const line of setCookie) {
      const m = /^\s*([^=;\s]+)=([^;]*)/.exec(line);
      if (!m) continue;
      const key = host.toLowerCase();
      let cookies = this.jar.get(key);
      if (!cookies) this.jar.set(key, (cookies = new Map()));
      if (/;\s*max-age=0\b/i.test(line)) cookies.delete(m[1]);
      else cookies.set(m[1], m[2]);
    }
  }

  header(host: string): string | null {
    const cookies = this.jar.get(host.toLowerCase());
    if (!cookies?.size) return null;
    return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
