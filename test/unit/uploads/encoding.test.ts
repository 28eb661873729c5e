import { describe, expect, it } from "vitest";
import { detectEncoding, StreamDecoder } from "../../../worker/uploads/encoding";
import { encodeAs, NAMES } from "../../fixtures/uploads/encodings";

describe("detectEncoding", () => {
  it("trusts a BOM first", () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({ encoding: "utf-8", bomBytes: 3 });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true)).toEqual({ encoding: "utf-16le", bomBytes: 2 });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), true)).toEqual({ encoding: "utf-16be", bomBytes: 2 });
  });

  it("recognises UTF-16 without a BOM, then strict UTF-8, then falls back to Windows-1252", () => {
    expect(detectEncoding(encodeAs("utf-16le", "name,company\nAnn,Acme\n", false), true).encoding).toBe("utf-16le");
    expect(detectEncoding(encodeAs("utf-16be", "name,company\nAnn,Acme\n", false), true).encoding).toBe("utf-16be");
    expect(detectEncoding(encodeAs("utf-8", "Zoë,Łukasz,李雷", false), true).encoding).toBe("utf-8");
    expect(detectEncoding(encodeAs("windows-1252", "Zoë,José", false), true).encoding).toBe("windows-1252");
  });

  it("accepts a UTF-8 character cut at the end of an incomplete head, not of a whole file", () => {
    const bytes = new TextEncoder().encode("name\n李").subarray(0, 6);
    expect(detectEncoding(bytes, false).encoding).toBe("utf-8");
    expect(detectEncoding(bytes, true).encoding).toBe("windows-1252");
  });
});

describe("StreamDecoder", () => {
  it.each(["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const)("decodes %s split at every byte", (encoding) => {
    const text = encoding === "windows-1252" ? NAMES.filter((name) => name !== "Łukasz" && name !== "李雷").join(",") : NAMES.join(",") + ",🙂";
    const bytes = encodeAs(encoding, text, false);
    for (const size of [1, 2, 3, 5]) {
      const decoder = new StreamDecoder(encoding);
      let out = "";
      for (let i = 0; i < bytes.length; i += size) out += decoder.decode(bytes.subarray(i, i + size));
      out += decoder.decode(new Uint8Array(0), true);
      expect({ size, out }).toEqual({ size, out: text });
    }
  });
});
