// Minimal typings for the parts of lunar-javascript (no bundled types) that the plan engine uses.
declare module 'lunar-javascript' {
  export interface SolarDay {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
  export interface LunarDay {
    getSolar(): SolarDay;
    getJieQiTable(): Record<string, SolarDay>;
  }
  export interface LunarMonthInfo {
    getDayCount(): number;
  }
  export interface LunarYearInfo {
    getMonth(month: number): LunarMonthInfo | null;
  }
  export interface StatutoryHoliday {
    getDay(): string;
    getName(): string;
    isWork(): boolean;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): LunarDay };
  export const LunarYear: { fromYear(year: number): LunarYearInfo };
  export const HolidayUtil: { getHolidays(year: number): StatutoryHoliday[] };
}
