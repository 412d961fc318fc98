import { describe, expect, it } from "vitest";
import { formBodyProblem, formMediaType, requestTargetProblem } from "~/modules/http/request-target";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("bytes refused at the edge", () => {
  it("lets ordinary paths and queries through, encoded unicode included", () => {
    for (const target of ["/", "/en", "/en?q=bogot%C3%A1&sdg=6", "/es/hubs/medell%C3%ADn-green", "/api/map?bbox=-180,-85,180,85&zoom=1", "/en?q=a+b&q=%2B", "/en/login?redirectTo=%2Fen%2Fmy"]) {
      expect(requestTargetProblem(target), target).toBeNull();
    }
  });

  it("refuses a NUL byte in the path or the query", () => {
    for (const target of ["/en?q=%00", "/api/map?q=%00", "/api/hubs.geojson?q=%00", "/en/hubs/%00", "/en?%00=1", "/en?q=a%00b"]) {
      expect(requestTargetProblem(target), target).toBe("nul");
    }
  });

  it("refuses invalid UTF-8, broken percent-encoding and raw bytes", () => {
    for (const target of ["/en?q=%C3%28", "/en?q=%FF", "/en?q=%", "/en?q=%zz", "/en/hubs/%E0%A4", "/en?q=\u00e9", "/en?q=a b", "/en?q=\u0000"]) {
      expect(requestTargetProblem(target), target).toBe("malformed");
    }
  });

  it("names only the two form encodings as forms", () => {
    expect(formMediaType("application/x-www-form-urlencoded;charset=UTF-8")).toBe("application/x-www-form-urlencoded");
    expect(formMediaType("Multipart/Form-Data; boundary=x")).toBe("multipart/form-data");
    for (const other of [undefined, "", "text/plain", "application/json", "application/x-www-form-urlencodedx"]) expect(formMediaType(other)).toBeNull();
  });

  it("refuses a NUL or invalid UTF-8 in an urlencoded form, and lets a real one through", () => {
    const type = "application/x-www-form-urlencoded";
    expect(formBodyProblem(type, bytes("displayName=Ana+Mar%C3%ADa&email=a%40b.org"))).toBeNull();
    expect(formBodyProblem(type, bytes("displayName=Ana%00"))).toBe("nul");
    expect(formBodyProblem(type, bytes("display%00Name=Ana"))).toBe("nul");
    expect(formBodyProblem(type, bytes("displayName=%C3%28"))).toBe("malformed");
    expect(formBodyProblem(type, new Uint8Array([0x61, 0x3d, 0xff]))).toBe("malformed");
  });

  it("refuses a NUL or invalid UTF-8 in a multipart form", () => {
    const type = "multipart/form-data";
    const part = (value: string) => `--b\r\nContent-Disposition: form-data; name="displayName"\r\n\r\n${value}\r\n--b--\r\n`;
    expect(formBodyProblem(type, bytes(part("Ana María")))).toBeNull();
    expect(formBodyProblem(type, bytes(part("Ana\u0000")))).toBe("nul");
    expect(formBodyProblem(type, new Uint8Array([...bytes(part("")), 0xc3, 0x28]))).toBe("malformed");
  });
});
