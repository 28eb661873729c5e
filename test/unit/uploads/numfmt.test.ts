import { describe, expect, it } from "vitest";
import { builtInFormat, formatGeneral, formatNumber, isDateFormat } from "../../../worker/uploads/xlsx/numfmt";

describe("formatGeneral", () => {
  it("keeps every digit of phone numbers and IDs, and rounds float noise like Excel", () => {
    expect(formatGeneral(4915112345678)).toBe("4915112345678");
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
    expect(formatGeneral(-12.5)).toBe("-12.5");
    expect(formatGeneral(1e21)).toBe("1E+21");
    expect(formatGeneral(1.5e-7)).toBe("1.5E-07");
  });
});

describe("formatNumber", () => {
  it.each([
    [1234.5, "#,##0.00", "1,234.50"],
    [1234.5, "0", "1235"],
    [-1234.5, "#,##0", "-1,235"],
    [-1234.5, "#,##0 ;(#,##0)", "(1,235)"],
    [0, '#,##0;-#,##0;"-"', "-"],
    [0.256, "0.0%", "25.6%"],
    [12345, "0.00E+00", "1.23E+04"],
    [1500000, '#,##0.0,,"M"', "1.5M"],
    [9.5, '[$€-407] #,##0.00', "€ 9.50"],
    [7, "000", "007"],
    [3.1, "0.0#", "3.1"],
    [42, "@", "42"],
  ])("%s with %s → %s", (value, format, expected) => {
    expect(formatNumber(value, format, false)).toBe(expected);
  });

  it.each([
    [45292, "m/d/yyyy", "1/1/2024"],
    [45292, "yyyy-mm-dd", "2024-01-01"],
    [45292, "dd.mm.yyyy", "01.01.2024"],
    [45292.75, "yyyy-mm-dd hh:mm", "2024-01-01 18:00"],
    [45292.75, "h:mm AM/PM", "6:00 PM"],
    [45292, "d mmmm yyyy", "1 January 2024"],
    [45292, "dddd", "Monday"],
    [1.5, "[h]:mm:ss", "36:00:00"],
    [60, "yyyy-mm-dd", "1900-02-29"],
    [1, "yyyy-mm-dd", "1900-01-01"],
  ])("date %s with %s → %s", (serial, format, expected) => {
    expect(formatNumber(serial, format, false)).toBe(expected);
  });

  it("counts from 1904 when the workbook says so", () => {
    expect(formatNumber(0, "yyyy-mm-dd", true)).toBe("1904-01-01");
  });

  it("knows which codes are dates", () => {
    expect(isDateFormat(builtInFormat(14))).toBe(true);
    expect(isDateFormat('"Day "0')).toBe(false);
    expect(isDateFormat("#,##0.00")).toBe(false);
    expect(isDateFormat("[$-409]mmm d, yyyy")).toBe(true);
  });
});
