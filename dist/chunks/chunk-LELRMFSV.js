import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  checkSlurmCron
} from "./chunk-4MDP3VV4.js";

// src/status/cluster-time.ts
var MINUTE_MS = 6e4;
var DAY_MS = 24 * 60 * MINUTE_MS;
function clusterTimeZone(ianaName, utcOffset) {
  if (ianaName) {
    const formatter = wallClockFormatter(ianaName);
    if (formatter) return { name: ianaName, offsetMinutes: (instant) => offsetFrom(formatter, instant) };
  }
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(utcOffset);
  const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return { name: fixedOffsetName(minutes), offsetMinutes: () => minutes };
}
function fixedOffsetName(minutes) {
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
function wallClockFormatter(timeZone) {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
  } catch {
    return void 0;
  }
}
function offsetFrom(formatter, instantMs) {
  const parts = formatter.formatToParts(instantMs);
  const part = (type) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second")
  );
  return Math.round((asUtc - Math.floor(instantMs / 1e3) * 1e3) / MINUTE_MS);
}
function wallClock(zone, instantMs) {
  const local = new Date(instantMs + zone.offsetMinutes(instantMs) * MINUTE_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay()
  };
}
function instantOf(zone, wall) {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = asUtc - zone.offsetMinutes(asUtc - DAY_MS) * MINUTE_MS;
  const after = asUtc - zone.offsetMinutes(asUtc + DAY_MS) * MINUTE_MS;
  const names = (instant) => instant + zone.offsetMinutes(instant) * MINUTE_MS === asUtc;
  const candidates = [before, after].filter(names);
  return candidates.length > 0 ? Math.min(...candidates) : before;
}
function formatClusterTime(zone, instantMs) {
  const w = wallClock(zone, instantMs);
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][w.weekday];
  return `${weekday} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ${zone.name}`;
}
function formatRelative(instantMs, nowMs) {
  const minutes = Math.round((instantMs - nowMs) / MINUTE_MS);
  if (minutes === 0) return "now";
  const text = formatSpan(Math.abs(minutes));
  return minutes > 0 ? `in ${text}` : `${text} ago`;
}
function formatSpan(totalMinutes) {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor(totalMinutes % 1440 / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}
function pad(n) {
  return String(n).padStart(2, "0");
}

// src/status/cron-times.ts
var NICKNAMES = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *"
};
var NAMES = Object.fromEntries([
  ...["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map(
    (name, i) => [name, i + 1]
  ),
  ...["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((name, i) => [name, i])
]);
var BOUNDS = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7]
];
function readCronSchedule(schedule) {
  if (checkSlurmCron(schedule) !== null) return null;
  const trimmed = schedule.trim();
  const fields = (NICKNAMES[trimmed.toLowerCase()] ?? trimmed).split(/[ \t]+/);
  const values = fields.map((field, i) => expandField(field, BOUNDS[i]));
  const [minutes, hours, days, months, weekdays] = values;
  return {
    minutes,
    hours,
    days: new Set(days),
    months: new Set(months),
    // 7 is Sunday too.
    weekdays: new Set(weekdays.map((d) => d % 7)),
    anyDay: fields[2] === "*",
    anyWeekday: fields[4] === "*"
  };
}
function expandField(field, [min, max]) {
  const values = /* @__PURE__ */ new Set();
  for (const item of field.split(",")) {
    const [range = "", step = "1"] = item.split("/");
    const [from, to] = itemRange(range, min, max);
    for (let v = from; v <= to; v += Number(step)) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}
function itemRange(range, min, max) {
  if (range === "*") return [min, max];
  const named = NAMES[range.toLowerCase()];
  if (named !== void 0) return [named, named];
  const [from = min, to = from] = range.split("-").map(Number);
  return [from, to];
}
function dayMatches(schedule, day) {
  if (!schedule.months.has(day.month)) return false;
  const byDay = schedule.days.has(day.day);
  const byWeekday = schedule.weekdays.has(day.weekday);
  if (schedule.anyDay && schedule.anyWeekday) return true;
  if (schedule.anyDay) return byWeekday;
  if (schedule.anyWeekday) return byDay;
  return byDay || byWeekday;
}
function previousFireTimes(schedule, zone, beforeMs, count, searchDays = 8 * 366) {
  const times = [];
  const today = wallClock(zone, beforeMs);
  for (let back = 0; back <= searchDays && times.length < count; back++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const day = { month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
    if (!dayMatches(schedule, day)) continue;
    for (const hour of [...schedule.hours].reverse()) {
      for (const minute of [...schedule.minutes].reverse()) {
        const instant = instantOf(zone, { year: date.getUTCFullYear(), ...day, hour, minute });
        if (instant > beforeMs || times.includes(instant)) continue;
        times.push(instant);
        if (times.length === count) return times.sort((a, b) => b - a);
      }
    }
  }
  return times.sort((a, b) => b - a);
}

export {
  clusterTimeZone,
  formatClusterTime,
  formatRelative,
  readCronSchedule,
  previousFireTimes
};
