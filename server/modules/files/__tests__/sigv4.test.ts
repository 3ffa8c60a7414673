// SigV4 against AWS's published examples: the signature test suite's get-vanilla cases and the
// S3 developer guide's GET/PUT Object examples (header-based auth). Pure.
import { describe, expect, it } from "vitest";
import { sha256Hex, signV4, uriEncode } from "../sigv4";

const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const suite = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "service" };
const s3 = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "s3" };

describe("signV4", () => {
  it("get-vanilla", () => {
    const url = new URL("https://example.amazonaws.com/");
    const auth = signV4({ method: "GET", url, headers: { Host: "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z" }, payloadHash: EMPTY }, suite, "20150830T123600Z");
    expect(auth).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  it("get-vanilla-query-order-key-case (query parameters sorted)", () => {
    const url = new URL("https://example.amazonaws.com/?Param2=value2&Param1=value1");
    const auth = signV4({ method: "GET", url, headers: { Host: "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z" }, payloadHash: EMPTY }, suite, "20150830T123600Z");
    expect(auth).toMatch(/Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500$/);
  });

  it("S3 GET Object with a Range header", () => {
    const url = new URL("https://examplebucket.s3.amazonaws.com/test.txt");
    const headers = { host: "examplebucket.s3.amazonaws.com", range: "bytes=0-9", "x-amz-content-sha256": EMPTY, "x-amz-date": "20130524T000000Z" };
    expect(signV4({ method: "GET", url, headers, payloadHash: EMPTY }, s3, "20130524T000000Z")).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("S3 PUT Object with a body and an encoded key", () => {
    const body = "Welcome to Amazon S3.";
    const payloadHash = sha256Hex(body);
    expect(payloadHash).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const url = new URL(`https://examplebucket.s3.amazonaws.com/${uriEncode("test$file.text", true)}`);
    const headers = {
      host: "examplebucket.s3.amazonaws.com",
      date: "Fri, 24 May 2013 00:00:00 GMT",
      "x-amz-date": "20130524T000000Z",
      "x-amz-storage-class": "REDUCED_REDUNDANCY",
      "x-amz-content-sha256": payloadHash,
    };
    expect(signV4({ method: "PUT", url, headers, payloadHash }, s3, "20130524T000000Z")).toMatch(
      /SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd$/,
    );
  });

  it("uriEncode keeps unreserved characters and encodes the rest as UTF-8", () => {
    expect(uriEncode("a b/ç~_.-", true)).toBe("a%20b/%C3%A7~_.-");
    expect(uriEncode("a/b", false)).toBe("a%2Fb");
  });
});
