import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/validate/slurm-cron-reading.ts
var MONTH_NAMES = new Map(
  ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((n, i) => [
    n,
    i + 1
  ])
);
var DAY_NAMES = new Map(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((n, i) => [n, i + 1]));
var SLURM_CRON_FIELDS = [
  { name: "minute", unit: "minute", min: 0, max: 59, size: 61, stepStart: 0, foldsIntoZero: 60 },
  { name: "hour", unit: "hour", min: 0, max: 23, size: 25, stepStart: 0, foldsIntoZero: 24 },
  { name: "day-of-month", unit: "day", min: 1, max: 31, size: 32, stepStart: 1 },
  { name: "month", unit: "month", min: 1, max: 12, size: 13, stepStart: 1, names: MONTH_NAMES },
  {
    name: "day-of-week",
    unit: "day of the week",
    min: 0,
    max: 7,
    size: 8,
    stepStart: 1,
    names: DAY_NAMES,
    foldsIntoZero: 7
  }
];
function readSlurmCron(schedule) {
  let pos = skipBlanks(schedule, 0);
  let fields;
  if (schedule[pos] === "@") {
    const nickname = readNickname(schedule, pos + 1);
    if ("refused" in nickname) return nickname;
    fields = nickname.fields;
    pos = nickname.pos;
  } else {
    const bitmaps = [];
    for (const [i, field] of SLURM_CRON_FIELDS.entries()) {
      if (i > 0) {
        if (pos < schedule.length && !isBlank(schedule[pos])) return unexpected(schedule, pos);
        pos = skipBlanks(schedule, pos);
      }
      const read = readField(schedule, pos, field);
      if ("refused" in read) return read;
      bitmaps.push(read.bitmap);
      pos = read.pos;
    }
    if (pos < schedule.length && !isBlank(schedule[pos])) return unexpected(schedule, pos);
    const checked = validEntry(bitmaps);
    if ("refused" in checked) return checked;
    fields = checked;
  }
  if (pos < schedule.length && !isBlank(schedule[pos])) return unexpected(schedule, pos);
  return {
    crontabSpec: fields.map(formatField).join(" "),
    fields,
    commandStart: schedule.slice(skipBlanks(schedule, pos))
  };
}
function readSlurmField(text, field) {
  const read = readField(text, 0, field);
  if ("refused" in read) return read;
  if (read.pos < text.length) return unexpected(text, read.pos);
  return finishField(read.bitmap, field);
}
function formatField(field) {
  return field.wild ? "*" : formatValues(field.values);
}
function formatValues(values) {
  const runs = [];
  for (let i = 0; i < values.length; i++) {
    const start = values[i];
    while (i + 1 < values.length && values[i + 1] === values[i] + 1) i++;
    runs.push(start === values[i] ? String(start) : `${start}-${values[i]}`);
  }
  return runs.join(",");
}
function readField(s, start, field) {
  let pos = start;
  const bits = new Array(field.size).fill(false);
  let wild = false;
  const c = s[pos];
  if (c === void 0) return { refused: `the schedule ends before the ${field.name} field` };
  if (c === "*") {
    bits.fill(true);
    pos++;
    wild = s[pos] !== "/";
  } else if (field.names && /[A-Za-z]/.test(c)) {
    const value = field.names.get(s.slice(pos, pos + 3).toLowerCase());
    if (value === void 0) return { refused: `${JSON.stringify(s.slice(pos))} is no ${field.name} name` };
    bits[value] = true;
    pos += 3;
  } else {
    const list = /^[0-9,-]*/.exec(s.slice(pos))[0];
    if (!unformat(bits, list))
      return { refused: `${JSON.stringify(list)} has a value beyond ${field.size - 1}` };
    pos += list.length;
  }
  if (s[pos] === "/") {
    const step = /^[ \t\n\v\f\r]*[+-]?\d+/.exec(s.slice(pos + 1));
    const value = step ? Number(step[0].trim()) : NaN;
    if (!step || value <= 1 || value >= field.size) return { refused: "bad step value" };
    pos += 1 + step[0].length;
    bits.forEach((_, v) => {
      if (v < field.stepStart || (v - field.stepStart) % value !== 0) bits[v] = false;
    });
  }
  const fold = field.foldsIntoZero;
  if (fold !== void 0 && bits[fold]) {
    bits[0] = true;
    bits[fold] = false;
  }
  return { bitmap: { bits, wild }, pos };
}
function unformat(bits, list) {
  let sum = 0;
  let first = -1;
  for (let i = 0; i <= list.length; i++) {
    const c = list[i] ?? "";
    if (c >= "0" && c <= "9")
      sum = Math.imul(sum, 10) + Number(c) | 0;
    else if (c === "-") {
      first = sum;
      sum = 0;
    } else {
      if (i === 0) break;
      const from = first === -1 ? sum : first;
      if (from < 0 || from >= bits.length || sum < 0 || sum >= bits.length) return false;
      for (let v = from; v <= sum; v++) bits[v] = true;
      first = -1;
      sum = 0;
    }
  }
  return true;
}
function validEntry(bitmaps) {
  const fields = [];
  for (const [i, field] of SLURM_CRON_FIELDS.entries()) {
    const finished = finishField(bitmaps[i], field);
    if ("refused" in finished) return finished;
    fields.push(finished);
  }
  const [, , days, months] = fields;
  if (!days.wild) {
    const first = days.values[0];
    const has = (m) => months.values.includes(m);
    if (first === 31 && ![1, 3, 5, 7, 8, 10, 12].some(has)) return { refused: "no chosen month has day 31" };
    if (first === 30 && months.values.length === 1 && has(2)) return { refused: "February has no day 30" };
  }
  return fields;
}
function finishField(bitmap, field) {
  const values = [];
  bitmap.bits.forEach((set, v) => {
    if (set && v >= field.min && v <= field.max) values.push(v);
  });
  if (bitmap.wild) return { values, wild: true };
  if (values.length === 0) return { refused: `no ${field.unit} left` };
  return { values, wild: false };
}
function readNickname(s, pos) {
  const all = (f) => finishField({ bits: new Array(f.size).fill(true), wild: true }, f);
  const [, hour, dom, month, dow] = SLURM_CRON_FIELDS;
  const one = (v) => ({ values: [v], wild: false });
  const starts = (name) => s.slice(pos, pos + name.length).toLowerCase() === name;
  const table = [
    [
      ["yearly", "annually"],
      [one(0), one(0), one(1), one(1), all(dow)]
    ],
    [["monthly"], [one(0), one(0), one(1), all(month), all(dow)]],
    [["weekly"], [one(0), one(0), all(dom), all(month), one(0)]],
    [
      ["daily", "midnight"],
      [one(0), one(0), all(dom), all(month), all(dow)]
    ],
    // @hourly sets every hour without the wildcard flag, so scontrol prints its hour field as 0-23.
    [["hourly"], [one(0), { values: all(hour).values, wild: false }, all(dom), all(month), all(dow)]]
  ];
  for (const [names, fields] of table) {
    const name = names.find(starts);
    if (name) return { fields, pos: pos + name.length };
  }
  return { refused: "invalid @ line" };
}
function unexpected(s, pos) {
  return { refused: `cannot read ${JSON.stringify(s.slice(pos))}` };
}
function isBlank(c) {
  return c === " " || c === "	";
}
function skipBlanks(s, pos) {
  while (isBlank(s[pos])) pos++;
  return pos;
}

// src/validate/slurm-cron.ts
var SLURM_CRON_NICKNAMES = [
  "@yearly",
  "@annually",
  "@monthly",
  "@weekly",
  "@daily",
  "@midnight",
  "@hourly"
];
var DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var FIVE_FIELDS = "exactly five fields (minute hour day-of-month month day-of-week)";
function checkSlurmCron(spec) {
  if (/[\r\n]/.test(spec))
    return `schedule ${JSON.stringify(spec)} spans several lines; a schedule is one line`;
  const trimmed = spec.trim();
  if (trimmed === "")
    return `schedule is empty; write five fields such as "0 3 * * *" or one of ${nicknameList()}`;
  const fields = trimmed.split(/[ \t]+/);
  const slurm = readSlurmCron(trimmed);
  if (trimmed.startsWith("@")) return checkNickname(fields, slurm);
  if (fields.length !== 5) {
    const count = `schedule ${JSON.stringify(spec)} has ${fields.length} field${fields.length === 1 ? "" : "s"}`;
    if (fields.length > 5 && !("refused" in slurm) && slurm.commandStart === "") {
      return `${count}, but Slurm reads it as "${slurm.crontabSpec}": write each field without blanks inside it`;
    }
    const command = fields.length > 5 ? startsCommand(slurm) : "";
    return `${count}; ${command}a schedule has ${FIVE_FIELDS} or is one of ${nicknameList()}`;
  }
  const bad = /[^0-9A-Za-z*/,\s-]/.exec(trimmed);
  if (bad) {
    return `schedule ${JSON.stringify(spec)} contains ${JSON.stringify(bad[0])}, which is not part of a cron schedule (${slurmVerdict(slurm)}); use digits, * , - / and month or day names`;
  }
  const meanings = [];
  for (const [i, field] of SLURM_CRON_FIELDS.entries()) {
    const meaning = fieldMeaning(fields[i], field);
    if ("problem" in meaning) return meaning.problem;
    meanings.push(meaning);
  }
  const [, , days, months] = meanings;
  const dayRule = checkDayFields(spec, fields, slurm);
  if (dayRule) return dayRule;
  if (!days.wild) {
    const firstDay = Math.min(...days.values);
    const longestMonth = Math.max(...months.values.map((m) => DAYS_IN_MONTH[m - 1]));
    if (firstDay > longestMonth) {
      return `schedule ${JSON.stringify(spec)} never runs: no chosen month has day ${firstDay}, and Slurm rejects such a schedule; pick days up to ${longestMonth} or other months`;
    }
  }
  const meant = meanings.map(formatField).join(" ");
  if ("refused" in slurm || slurm.crontabSpec !== meant) {
    return `schedule ${JSON.stringify(spec)} would not mean what it says: ${slurmVerdict(slurm)}, where cron reads "${meant}"`;
  }
  return null;
}
function nicknameList() {
  return SLURM_CRON_NICKNAMES.join(", ");
}
function slurmVerdict(slurm) {
  return "refused" in slurm ? `Slurm refuses it: ${slurm.refused}` : `Slurm reads it as "${slurm.crontabSpec}"`;
}
function startsCommand(slurm) {
  if ("refused" in slurm || slurm.commandStart === "") return "";
  const start = slurm.commandStart;
  return `Slurm takes ${JSON.stringify(start)} as the start of the command, so the job would run "${start} <command>": `;
}
function checkNickname(fields, slurm) {
  const name = fields[0].toLowerCase();
  if (!SLURM_CRON_NICKNAMES.includes(name)) {
    const hint = name === "@reboot" ? "Slurm has no @reboot; " : "";
    return `schedule ${JSON.stringify(fields[0])} is not one Slurm knows; ${hint}use one of ${nicknameList()} or five fields`;
  }
  if (fields.length > 1) {
    return `schedule ${JSON.stringify(fields.join(" "))} has fields after ${fields[0]}; ${startsCommand(slurm)}write ${fields[0]} alone or five fields`;
  }
  return null;
}
function checkDayFields(spec, fields, slurm) {
  const dom = fields[2];
  const dow = fields[4];
  const stepped = [dom, dow].find((f) => f.startsWith("*/"));
  if (!stepped || dom === "*" || dow === "*" || "refused" in slurm) return null;
  const [, , days, , weekdays] = slurm.fields;
  return `schedule ${JSON.stringify(spec)}: Slurm runs it on days that match either day field (day-of-month ${formatValues(days.values)} or day-of-week ${formatValues(weekdays.values)}), since it counts ${JSON.stringify(stepped)} as a list, not as *, where cron would run it only on days that match both; write * in one of the two day fields`;
}
function where(text, field) {
  return `${JSON.stringify(text)} in the ${field.name} field`;
}
function allowed(field) {
  return `${field.name} values are ${field.min}-${field.max}`;
}
function slurmReads(slurm) {
  return "refused" in slurm ? `Slurm refuses the table: ${slurm.refused}` : `Slurm reads the field as ${formatField(slurm)}`;
}
function soThisMeans(slurm) {
  if ("refused" in slurm) return ` and refuses the table: ${slurm.refused}`;
  const reading = formatField(slurm);
  return `, so this means ${reading}: write ${reading}`;
}
function cronValues(values, field) {
  const fold = field.foldsIntoZero;
  const set = new Set([...values].map((v) => fold !== void 0 && v === fold && fold <= field.max ? 0 : v));
  return [...set].sort((a, b) => a - b);
}
function fieldMeaning(text, field) {
  const slurm = readSlurmField(text, field);
  if (/[A-Za-z]/.test(text.split("/")[0])) return nameMeaning(text, field, slurm);
  if (text === "*") return { values: cronValues(range(field.min, field.max), field), wild: true };
  const slash = text.split("/");
  if (slash.length > 2) return { problem: `${where(text, field)}: only one step (/n) is allowed` };
  const [base, stepText] = slash;
  if (base === "*") {
    if (stepText === void 0) return { values: cronValues(range(field.min, field.max), field), wild: true };
    const step2 = parseStep(text, stepText, field);
    if (typeof step2 === "string") return { problem: step2 };
    const values2 = cronValues(steppedValues(field.min, field.max, step2), field);
    if (field.stepStart !== field.min) {
      return {
        problem: `${where(text, field)}: Slurm counts day-of-week steps from Monday, so this would mean ${fieldReading(slurm)} rather than ${formatValues(values2)}; list the days instead (0-6, 0 and 7 are Sunday)`
      };
    }
    return { values: values2, wild: false };
  }
  if (base.includes("*")) {
    return { problem: `${where(text, field)}: "*" must stand alone or be followed by a step, as in */15` };
  }
  const ranges = [];
  for (const item of base.split(",")) {
    const parsed = parseItem(text, item, field, slurm);
    if (typeof parsed === "string") return { problem: parsed };
    ranges.push(parsed);
  }
  const outOfRange = checkBounds(text, ranges, field, slurm);
  if (outOfRange) return { problem: outOfRange };
  const values = ranges.flatMap(([a, b]) => range(a, b));
  if (stepText === void 0) return { values: cronValues(values, field), wild: false };
  const step = parseStep(text, stepText, field);
  if (typeof step === "string") return { problem: step };
  const only = ranges.length === 1 ? ranges[0] : void 0;
  if (!only) return { problem: stepOnList(text, ranges, step, field, slurm) };
  const [start, end] = only;
  if (start === end) return { problem: stepOnOneValue(text, String(start), start, step, field, slurm) };
  if ((start - field.stepStart) % step !== 0) {
    const meant = formatValues(steppedValues(start, end, step));
    const slurmMeans = "refused" in slurm ? `leaves no ${field.unit} and Slurm refuses the table, where cron reads ${meant}` : `would mean ${formatField(slurm)} rather than ${meant}`;
    return {
      problem: `${where(text, field)}: Slurm counts steps from ${field.stepStart}, not from the start of the range, so this ${slurmMeans}; write ${meant} instead`
    };
  }
  return { values: cronValues(steppedValues(start, end, step), field), wild: false };
}
function fieldReading(slurm) {
  return "refused" in slurm ? "nothing" : formatField(slurm);
}
function lastValue(field) {
  return field.foldsIntoZero === field.max ? field.max - 1 : field.max;
}
function checkBounds(text, ranges, field, slurm) {
  const values = ranges.flat();
  const beyond = values.find((v) => v > field.max && v !== field.foldsIntoZero);
  if (beyond !== void 0) return `${where(text, field)}: ${beyond} is out of range; ${allowed(field)}`;
  const single = ranges.length === 1 && ranges[0]?.[0] === ranges[0]?.[1];
  if (values.some((v) => v > field.max)) {
    const then = single && !("refused" in slurm) ? `: write ${formatField(slurm)}` : soThisMeans(slurm);
    return `${where(text, field)}: Slurm reads ${field.name} ${field.foldsIntoZero} as 0 (${allowed(field)})${then}`;
  }
  if (values.some((v) => v < field.min)) {
    return `${where(text, field)}: Slurm ignores ${field.name} ${values.find((v) => v < field.min)} (${allowed(field)})${soThisMeans(slurm)}`;
  }
  return null;
}
function stepOnOneValue(text, written, value, step, field, slurm) {
  const mask = [0, 1, 2].map((k) => field.stepStart + k * step).join(",");
  const reading = "refused" in slurm ? "" : formatField(slurm);
  const slurmMeans = "refused" in slurm ? `no ${field.unit} is left and Slurm refuses the table` : `this means ${reading}${reading === written ? "" : ` (${written})`} alone`;
  const from = cronValues([value], field)[0];
  const every = (from - field.stepStart) % step === 0 && from >= field.stepStart ? `${from}-${lastValue(field)}/${step}` : formatValues(steppedValues(from, lastValue(field), step));
  return `${where(text, field)}: Slurm applies a step to the value before it as a filter (only ${mask},\u2026 stay), so ${slurmMeans}: write ${written} for ${written} alone, or ${every} to step by ${step} from ${written}`;
}
function stepOnList(text, ranges, step, field, slurm) {
  const mask = [0, 1, 2].map((k) => field.stepStart + k * step).join(",");
  const slurmMeans = "refused" in slurm ? `no ${field.unit} is left and Slurm refuses the table` : `this means ${formatField(slurm)}`;
  const [lastStart, lastEnd] = ranges[ranges.length - 1];
  const cron = cronValues(
    [...ranges.slice(0, -1).flatMap(([a, b]) => range(a, b)), ...steppedValues(lastStart, lastEnd, step)],
    field
  );
  return `${where(text, field)}: Slurm applies a step to the whole list before it as a filter (only ${mask},\u2026 stay), so ${slurmMeans}; cron steps only the last item (${formatValues(cron)}): write the values you mean as a list`;
}
function nameMeaning(text, field, slurm) {
  if (!field.names) {
    return {
      problem: `${where(text, field)}: names are not allowed here; use numbers ${field.min}-${field.max}`
    };
  }
  const [base, stepText, ...more] = text.split("/");
  const value = field.names.get(base.toLowerCase());
  if (value !== void 0) {
    if (stepText === void 0) return { values: cronValues([value], field), wild: false };
    if (more.length > 0) return { problem: `${where(text, field)}: only one step (/n) is allowed` };
    const step = parseStep(text, stepText, field);
    if (typeof step === "string") return { problem: step };
    return { problem: stepOnOneValue(text, base, value, step, field, slurm) };
  }
  const known = [...field.names.keys()].join(", ");
  if (/[-,]/.test(text)) {
    const numeric = translateNames(text, field);
    const suggestion = numeric ? `write ${numeric} instead` : `use numbers ${field.min}-${field.max}`;
    return {
      problem: `${where(text, field)}: Slurm accepts a name only on its own, not in a range or list; ${suggestion}`
    };
  }
  return { problem: `${where(text, field)}: not a name Slurm knows; use one of ${known} or a number` };
}
function translateNames(text, field) {
  let failed = false;
  const translated = text.replace(/[A-Za-z]+/g, (word, offset) => {
    const value = field.names?.get(word.toLowerCase());
    if (value === void 0) {
      failed = true;
      return word;
    }
    const endOfRange = offset > 0 && text[offset - 1] === "-";
    return String(value === field.foldsIntoZero && !endOfRange ? 0 : value);
  });
  return failed ? null : translated;
}
function parseItem(text, item, field, slurm) {
  const list = `${allowed(field)}, separated by commas`;
  if (item === "") return `${where(text, field)}: empty list item; ${list}; ${slurmReads(slurm)}`;
  const bounds = item.split("-");
  if (bounds.length > 2 || bounds.some((b2) => !/^\d+$/.test(b2))) {
    return `${where(text, field)}: ${JSON.stringify(item)} is neither a number nor a range a-b; ${allowed(field)}; ${slurmReads(slurm)}`;
  }
  const [a, b] = bounds.map(Number);
  const end = b ?? a;
  if (a > end) {
    return `${where(text, field)}: range ${item} is reversed, which Slurm reads as no value; write the smaller number first; ${slurmReads(slurm)}`;
  }
  return [a, end];
}
function parseStep(text, stepText, field) {
  const bounds = `a step must be between 2 and ${field.size - 1}`;
  if (!/^\d+$/.test(stepText))
    return `${where(text, field)}: ${JSON.stringify(stepText)} is not a step; ${bounds}`;
  const step = Number(stepText);
  if (step === 1) {
    const plain = text.slice(0, text.lastIndexOf("/"));
    return `${where(text, field)}: ${bounds} (Slurm rejects a step of 1; write ${plain} instead)`;
  }
  if (step < 2 || step > field.size - 1) return `${where(text, field)}: ${bounds}`;
  return step;
}
function steppedValues(start, end, step) {
  const out = [];
  for (let v = start; v <= end; v += step) out.push(v);
  return out;
}
function range(min, max) {
  return steppedValues(min, max, 1);
}

export {
  SLURM_CRON_NICKNAMES,
  checkSlurmCron
};
