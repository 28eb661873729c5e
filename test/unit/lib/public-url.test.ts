import { describe, expect, it } from "vitest";
import { checkPublicHttpTarget, isNonPublicAddress, isPublicHttpTarget } from "../../../worker/lib/public-url";

const reason = (url: string) => {
  const verdict = checkPublicHttpTarget(url);
  return verdict.ok ? "ok" : verdict.reason;
};

describe("isPublicHttpTarget", () => {
  it("accepts public names over http and https on the standard ports", () => {
    for (const url of ["https://acme.com/", "http://www.acme.co.uk/about?x=1", "https://acme.com:443/", "http://acme.com:80/", "https://shop.acme.example./"]) {
      expect(isPublicHttpTarget(url), url).toBe(true);
    }
  });

  it("refuses other schemes, credentials and ports", () => {
    expect(reason("ftp://acme.com/")).toBe("scheme");
    expect(reason("file:///etc/passwd")).toBe("scheme");
    expect(reason("javascript:alert(1)")).toBe("scheme");
    expect(reason("https://user:pw@acme.com/")).toBe("credentials");
    expect(reason("https://user@acme.com/")).toBe("credentials");
    expect(reason("https://acme.com:8443/")).toBe("port");
    expect(reason("http://acme.com:22/")).toBe("port");
    expect(reason("not a url")).toBe("invalid_url");
  });

  it("refuses local and internal names", () => {
    for (const url of [
      "http://localhost/",
      "http://LOCALHOST./",
      "http://api.localhost/",
      "http://printer.local/",
      "http://metadata.google.internal/",
      "http://intranet/",
      "http://router.lan/",
      "http://nas.home.arpa/",
      "http://10.0.0.1.nip.io/",
      "http://127.0.0.1.sslip.io/",
    ]) {
      expect(reason(url), url).toBe("local_name");
    }
  });

  it("refuses every IP literal, in every spelling the URL parser accepts", () => {
    for (const url of [
      "http://127.0.0.1/",
      "http://2130706433/", // decimal
      "http://0x7f000001/", // hex
      "http://0x7f.0.0.1/",
      "http://0177.0.0.1/", // octal
      "http://127.1/", // short form
      "http://10.0.0.1/",
      "http://8.8.8.8/", // public, but a literal all the same
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[fe80::1]/",
      "http://[2606:4700::1111]/",
    ]) {
      expect(reason(url), url).toBe("ip_literal");
    }
  });
});

describe("isNonPublicAddress", () => {
  it("covers loopback, private, CGNAT, link-local and the other reserved IPv4 ranges", () => {
    for (const address of [
      "0.0.0.0", "0.1.2.3", "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
      "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.169.254", "192.0.0.8", "192.0.2.1", "198.18.0.1",
      "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.251", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    ]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
  });

  it("reads decimal, hex, octal and short IPv4 spellings", () => {
    for (const address of ["2130706433", "0x7f000001", "0x7f.1", "0177.0.0.1", "127.1", "0xa9fea9fe", "167772161"]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
  });

  it("covers IPv6 loopback, unspecified, ULA, link-local, site-local, multicast, documentation", () => {
    for (const address of ["::1", "::", "[::1]", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "2001:db8::1", "100::1"]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
  });

  it("looks inside IPv6 forms that embed an IPv4 address", () => {
    for (const address of ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::10.0.0.1", "2002:0a00:0001::1", "::127.0.0.1"]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    expect(isNonPublicAddress("::ffff:8.8.8.8")).toBe(false);
    expect(isNonPublicAddress("64:ff9b::8.8.8.8")).toBe(false);
    expect(isNonPublicAddress("2002:0808:0808::1")).toBe(false);
  });

  it("leaves public addresses public, and the edges of each range outside it", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "169.253.0.1", "192.0.1.1", "192.169.0.1", "198.20.0.1", "223.255.255.255", "2606:4700::1111", "2a00:1450::200e"]) {
      expect(isNonPublicAddress(address), address).toBe(false);
    }
  });

  it("is false for names, which are not addresses", () => {
    expect(isNonPublicAddress("acme.com")).toBe(false);
  });
});
