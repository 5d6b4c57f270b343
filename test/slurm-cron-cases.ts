// What the real scrontab of Slurm 22.05.8 did with each schedule, probed on the test cluster by installing
// `<schedule> true` and reading `scontrol show job` back — and what our validator says about it. The unit test
// checks our messages and the port of Slurm's parser against this table; the integration test
// (integration/slurm-cron.int.test.ts) installs again every schedule Slurm accepts but reads otherwise, and
// checks that the real Slurm still reads it as written here, which is what our message claims.

export interface SlurmReading {
  schedule: string
  /** The CrontabSpec scontrol printed for the cron job, or 'refused' ("There are errors in your crontab."). */
  slurm: string
  /** scontrol's Command when Slurm read part of the schedule as the command (installed as `<schedule> true`). */
  command?: string
}

export interface SlurmCronCase extends SlurmReading {
  /** A part of our message, which states what Slurm does with the schedule. */
  message: string
}

/** Slurm accepts these and reads them as something other than what they say: we refuse each. */
export const REINTERPRETED: readonly SlurmCronCase[] = [
  {
    schedule: '60 * * * *',
    slurm: '0 * * * *',
    message: '"60" in the minute field: Slurm reads minute 60 as 0 (minute values are 0-59): write 0'
  },
  {
    schedule: '55-60 * * * *',
    slurm: '0,55-59 * * * *',
    message: 'Slurm reads minute 60 as 0 (minute values are 0-59), so this means 0,55-59: write 0,55-59'
  },
  {
    schedule: '50-60/5 * * * *',
    slurm: '0,50,55 * * * *',
    message: 'Slurm reads minute 60 as 0 (minute values are 0-59), so this means 0,50,55: write 0,50,55'
  },
  {
    schedule: '0 24 * * *',
    slurm: '0 0 * * *',
    message: '"24" in the hour field: Slurm reads hour 24 as 0 (hour values are 0-23): write 0'
  },
  {
    schedule: '0 20-24 * * *',
    slurm: '0 0,20-23 * * *',
    message: 'Slurm reads hour 24 as 0 (hour values are 0-23), so this means 0,20-23: write 0,20-23'
  },
  {
    schedule: '0 0 0,15 * *',
    slurm: '0 0 15 * *',
    message: 'Slurm ignores day-of-month 0 (day-of-month values are 1-31), so this means 15: write 15'
  },
  {
    schedule: '0 0 0-5 * *',
    slurm: '0 0 1-5 * *',
    message: 'Slurm ignores day-of-month 0 (day-of-month values are 1-31), so this means 1-5: write 1-5'
  },
  {
    schedule: '0 0 1 0,6 *',
    slurm: '0 0 1 6 *',
    message: 'Slurm ignores month 0 (month values are 1-12), so this means 6: write 6'
  },
  {
    schedule: '0 0 1 jan/2 *',
    slurm: '0 0 1 1 *',
    message: 'so this means 1 (jan) alone: write jan for jan alone, or 1-12/2 to step by 2 from jan'
  },
  {
    schedule: '0 0 1 mar/2 *',
    slurm: '0 0 1 3 *',
    message: 'so this means 3 (mar) alone: write mar for mar alone, or 3-12/2 to step by 2 from mar'
  },
  {
    schedule: '0 0 * * sun/2',
    slurm: '0 0 * * 0',
    message: 'so this means 0 (sun) alone: write sun for sun alone, or 0,2,4,6 to step by 2 from sun'
  },
  {
    schedule: '0 0 * * mon/2',
    slurm: '0 0 * * 1',
    message: 'so this means 1 (mon) alone: write mon for mon alone, or 1-6/2 to step by 2 from mon'
  },
  {
    schedule: '10/10 * * * *',
    slurm: '10 * * * *',
    message: 'so this means 10 alone: write 10 for 10 alone, or 10-59/10 to step by 10 from 10'
  },
  {
    schedule: '0-10,20-30/5 * * * *',
    slurm: '0,5,10,20,25,30 * * * *',
    message:
      'Slurm applies a step to the whole list before it as a filter (only 0,5,10,… stay), so this means ' +
      '0,5,10,20,25,30; cron steps only the last item (0-10,20,25,30)'
  },
  {
    schedule: '1,5-20/5 * * * *',
    slurm: '5,10,15,20 * * * *',
    message: 'so this means 5,10,15,20; cron steps only the last item (1,5,10,15,20)'
  },
  {
    schedule: '5-59/10 * * * *',
    slurm: '10,20,30,40,50 * * * *',
    message:
      'Slurm counts steps from 0, not from the start of the range, so this would mean 10,20,30,40,50 rather ' +
      'than 5,15,25,35,45,55; write 5,15,25,35,45,55 instead'
  },
  {
    schedule: '0 0 * * 0-6/2',
    slurm: '0 0 * * 1,3,5',
    message:
      'Slurm counts steps from 1, not from the start of the range, so this would mean 1,3,5 rather than 0,2,4,6'
  },
  {
    schedule: '0 0 * * */2',
    slurm: '0 0 * * 0-1,3,5',
    message: 'Slurm counts day-of-week steps from Monday, so this would mean 0-1,3,5 rather than 0,2,4,6'
  },
  {
    schedule: '0 0 * * */7',
    slurm: '0 0 * * 1',
    message: 'Slurm counts day-of-week steps from Monday, so this would mean 1 rather than 0'
  },
  {
    schedule: '1,,2 * * * *',
    slurm: '0-2 * * * *',
    message: 'empty list item; minute values are 0-59, separated by commas; Slurm reads the field as 0-2'
  },
  { schedule: '1, * * * *', slurm: '0-1 * * * *', message: 'empty list item; ' },
  { schedule: '0 0 * * 1,', slurm: '0 0 * * 0-1', message: 'Slurm reads the field as 0-1' },
  { schedule: '0 0 1, * *', slurm: '0 0 1 * *', message: 'Slurm reads the field as 1' },
  {
    schedule: '-5 * * * *',
    slurm: '0-5 * * * *',
    message: '"-5" is neither a number nor a range a-b; minute values are 0-59; Slurm reads the field as 0-5'
  },
  { schedule: '- * * * *', slurm: '0 * * * *', message: 'Slurm reads the field as 0' },
  { schedule: '1-2-3 * * * *', slurm: '2-3 * * * *', message: 'Slurm reads the field as 2-3' },
  {
    schedule: '1,17-8 * * * *',
    slurm: '1 * * * *',
    message:
      'range 17-8 is reversed, which Slurm reads as no value; write the smaller number first; Slurm reads the field as 1'
  },
  {
    schedule: '0 0 */2 * 1',
    slurm: '0 0 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31 * 1',
    message:
      'Slurm runs it on days that match either day field (day-of-month 1,3,5,7,9,11,13,15,17,19,21,23,25,27,' +
      '29,31 or day-of-week 1), since it counts "*/2" as a list, not as *'
  },
  {
    schedule: '0 0 */2 * 0-7',
    slurm: '0 0 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31 * 0-6',
    message: 'or day-of-week 0-6), since it counts "*/2" as a list'
  },
  {
    schedule: '0 0 1 * * extra',
    slurm: '0 0 1 * *',
    command: 'extra true',
    message:
      'has 6 fields; Slurm takes "extra" as the start of the command, so the job would run "extra <command>": ' +
      'a schedule has exactly five fields'
  },
  {
    schedule: '@daily extra',
    slurm: '0 0 * * *',
    command: 'extra true',
    message:
      'Slurm takes "extra" as the start of the command, so the job would run "extra <command>": write @daily alone'
  },
  {
    schedule: '*/ 5 * * * *',
    slurm: '0,5,10,15,20,25,30,35,40,45,50,55 * * * *',
    message:
      'has 6 fields, but Slurm reads it as "0,5,10,15,20,25,30,35,40,45,50,55 * * * *": write each field ' +
      'without blanks inside it'
  },
  {
    schedule: '*/+5 * * * *',
    slurm: '0,5,10,15,20,25,30,35,40,45,50,55 * * * *',
    message:
      'contains "+", which is not part of a cron schedule (Slurm reads it as "0,5,10,15,20,25,30,35,40,45,50,55 * * * *")'
  }
]

/** Slurm refuses these (scrontab exits 1 and keeps the old table): we refuse each, and never claim otherwise. */
export const REFUSED: readonly SlurmCronCase[] = [
  {
    schedule: '0 0 0 * *',
    slurm: 'refused',
    message: 'Slurm ignores day-of-month 0 (day-of-month values are 1-31) and refuses the table: no day left'
  },
  {
    schedule: '0 0 1 0 *',
    slurm: 'refused',
    message: 'Slurm ignores month 0 (month values are 1-12) and refuses the table: no month left'
  },
  {
    schedule: '60/7 * * * *',
    slurm: 'refused',
    message: 'Slurm reads minute 60 as 0 (minute values are 0-59) and refuses the table: no minute left'
  },
  {
    schedule: '0 0 1 feb/2 *',
    slurm: 'refused',
    message:
      'so no month is left and Slurm refuses the table: write feb for feb alone, or 2,4,6,8,10,12 to step by 2 from feb'
  },
  {
    schedule: '0 0 * * tue/2',
    slurm: 'refused',
    message: 'so no day of the week is left and Slurm refuses the table'
  },
  {
    schedule: '5/10 * * * *',
    slurm: 'refused',
    message:
      'so no minute is left and Slurm refuses the table: write 5 for 5 alone, or 5,15,25,35,45,55 to step by 10 from 5'
  },
  {
    schedule: '5-9/10 * * * *',
    slurm: 'refused',
    message: 'so this leaves no minute and Slurm refuses the table, where cron reads 5; write 5 instead'
  },
  {
    schedule: ',1 * * * *',
    slurm: 'refused',
    message:
      'empty list item; minute values are 0-59, separated by commas; Slurm refuses the table: no minute left'
  },
  {
    schedule: '1- * * * *',
    slurm: 'refused',
    message:
      '"1-" is neither a number nor a range a-b; minute values are 0-59; Slurm refuses the table: no minute left'
  },
  {
    schedule: '0 17-8 * * *',
    slurm: 'refused',
    message:
      'range 17-8 is reversed, which Slurm reads as no value; write the smaller number first; Slurm refuses the table: no hour left'
  },
  {
    schedule: '61 * * * *',
    slurm: 'refused',
    message: '"61" in the minute field: 61 is out of range; minute values are 0-59'
  },
  { schedule: '0 25 * * *', slurm: 'refused', message: '25 is out of range; hour values are 0-23' },
  { schedule: '0 0 32 * *', slurm: 'refused', message: '32 is out of range; day-of-month values are 1-31' },
  { schedule: '0 0 1 13 *', slurm: 'refused', message: '13 is out of range; month values are 1-12' },
  { schedule: '0 0 * * 8', slurm: 'refused', message: '8 is out of range; day-of-week values are 0-7' },
  {
    schedule: '*/1 * * * *',
    slurm: 'refused',
    message: 'a step must be between 2 and 60 (Slurm rejects a step of 1; write * instead)'
  },
  {
    schedule: '*/61 * * * *',
    slurm: 'refused',
    message: '"*/61" in the minute field: a step must be between 2 and 60'
  },
  {
    schedule: '0 0 1 jan/x *',
    slurm: 'refused',
    message: '"x" is not a step; a step must be between 2 and 12'
  },
  {
    schedule: '0 0 1 jan,jul *',
    slurm: 'refused',
    message: 'Slurm accepts a name only on its own, not in a range or list; write 1,7 instead'
  },
  {
    schedule: '0 9 * * mon-fri',
    slurm: 'refused',
    message: 'Slurm accepts a name only on its own, not in a range or list; write 1-5 instead'
  },
  {
    schedule: '0 0 * * monday',
    slurm: 'refused',
    message: '"monday" in the day-of-week field: not a name Slurm knows'
  },
  {
    schedule: '0 0 1 january *',
    slurm: 'refused',
    message: '"january" in the month field: not a name Slurm knows'
  },
  { schedule: '@dailyx', slurm: 'refused', message: 'schedule "@dailyx" is not one Slurm knows' },
  { schedule: '@reboot', slurm: 'refused', message: 'Slurm has no @reboot' },
  {
    schedule: '0 0 31 4 *',
    slurm: 'refused',
    message: 'no chosen month has day 31, and Slurm rejects such a schedule'
  },
  {
    schedule: '0 0 30 2 *',
    slurm: 'refused',
    message: 'no chosen month has day 30, and Slurm rejects such a schedule'
  },
  {
    schedule: '0 3 * * ?',
    slurm: 'refused',
    message: 'contains "?", which is not part of a cron schedule (Slurm refuses it: cannot read "?")'
  },
  {
    schedule: '0 3 * * 5L',
    slurm: 'refused',
    message: '"5L" in the day-of-week field: not a name Slurm knows'
  },
  {
    schedule: '0 3 L * *',
    slurm: 'refused',
    message: '"L" in the day-of-month field: names are not allowed here'
  },
  { schedule: '*,5 * * * *', slurm: 'refused', message: '"*" must stand alone or be followed by a step' },
  {
    schedule: '0 3 * *',
    slurm: 'refused',
    message: 'schedule "0 3 * *" has 4 fields; a schedule has exactly five fields'
  },
  {
    schedule: '0 0 1 jan,jul * x',
    slurm: 'refused',
    message: 'has 6 fields; a schedule has exactly five fields'
  }
]

/** Slurm reads these as cron does: we accept them. */
export const ACCEPTED: readonly SlurmReading[] = [
  { schedule: '*/60 * * * *', slurm: '0 * * * *' },
  { schedule: '0 */24 * * *', slurm: '0 0 * * *' },
  { schedule: '0 0 * * 7', slurm: '0 0 * * 0' },
  { schedule: '0 0 * * 5-7', slurm: '0 0 * * 0,5-6' },
  { schedule: '0 0 30,31 4 *', slurm: '0 0 30-31 4 *' },
  { schedule: '0 0 29 2 *', slurm: '0 0 29 2 *' },
  { schedule: '0 0 1 JAN *', slurm: '0 0 1 1 *' },
  { schedule: '05 03 * * *', slurm: '5 3 * * *' },
  { schedule: '0 0 1 * 4', slurm: '0 0 1 * 4' },
  { schedule: '0 0 * * 4', slurm: '0 0 * * 4' },
  { schedule: '@hourly', slurm: '0 0-23 * * *' },
  { schedule: '@yearly', slurm: '0 0 1 1 *' },
  { schedule: '@monthly', slurm: '0 0 1 * *' },
  { schedule: '@weekly', slurm: '0 0 * * 0' }
]
