import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  deployedByMerge,
  diffPlans
} from "./chunk-34O42TML.js";
import {
  DISABLED_PREFIX
} from "./chunk-T6Q5DOKB.js";
import {
  encodePlanRecord
} from "./chunk-FOJC3CO2.js";
import {
  planFingerprint
} from "./chunk-WHPDAMMW.js";
import {
  code,
  escapeHtml,
  escapeText,
  plural,
  table
} from "./chunk-FAPM7Q7Q.js";
import {
  INPUT_SUFFIX,
  SCRIPT_PATH
} from "./chunk-RMOWAL2T.js";
import {
  RENDERED_DIR
} from "./chunk-KKQ5VAXV.js";
import {
  composeScript
} from "./chunk-E4XC3HTH.js";
import {
  formatProblem
} from "./chunk-NPKQP7SB.js";
import {
  __commonJS,
  __toESM
} from "./chunk-M7CMLPS4.js";

// node_modules/cronstrue/dist/cronstrue.js
var require_cronstrue = __commonJS({
  "node_modules/cronstrue/dist/cronstrue.js"(exports, module) {
    (function webpackUniversalModuleDefinition(root, factory) {
      if (typeof exports === "object" && typeof module === "object")
        module.exports = factory();
      else if (typeof define === "function" && define.amd)
        define("cronstrue", [], factory);
      else if (typeof exports === "object")
        exports["cronstrue"] = factory();
      else
        root["cronstrue"] = factory();
    })(globalThis, () => {
      return (
        /******/
        (() => {
          "use strict";
          var __webpack_modules__ = {
            /***/
            6949(__unused_webpack_module, exports2, __webpack_require__2) {
              Object.defineProperty(exports2, "__esModule", { value: true });
              exports2.CronParser = void 0;
              var rangeValidator_1 = __webpack_require__2(9515);
              var CronParser = (function() {
                function CronParser2(expression, dayOfWeekStartIndexZero, monthStartIndexZero) {
                  if (dayOfWeekStartIndexZero === void 0) {
                    dayOfWeekStartIndexZero = true;
                  }
                  if (monthStartIndexZero === void 0) {
                    monthStartIndexZero = false;
                  }
                  this.expression = expression;
                  this.dayOfWeekStartIndexZero = dayOfWeekStartIndexZero;
                  this.monthStartIndexZero = monthStartIndexZero;
                }
                CronParser2.prototype.parse = function() {
                  var _a;
                  var parsed;
                  var expression = (_a = this.expression) !== null && _a !== void 0 ? _a : "";
                  if (expression === "@reboot") {
                    parsed = ["@reboot", "", "", "", "", "", ""];
                    return parsed;
                  } else if (expression.startsWith("@")) {
                    var special = this.parseSpecial(this.expression);
                    parsed = this.extractParts(special);
                  } else {
                    parsed = this.extractParts(this.expression);
                  }
                  this.normalize(parsed);
                  this.validate(parsed);
                  return parsed;
                };
                CronParser2.prototype.parseSpecial = function(expression) {
                  var specialExpressions = {
                    "@yearly": "0 0 1 JAN *",
                    "@annually": "0 0 1 JAN *",
                    "@monthly": "0 0 1 * *",
                    "@weekly": "0 0 * * SUN",
                    "@daily": "0 0 * * *",
                    "@midnight": "0 0 * * *",
                    "@hourly": "0 * * * *",
                    "@reboot": "@reboot"
                  };
                  var special = specialExpressions[expression];
                  if (!special) {
                    throw new Error("Unknown special expression.");
                  }
                  return special;
                };
                CronParser2.prototype.extractParts = function(expression) {
                  if (!this.expression) {
                    throw new Error("cron expression is empty");
                  }
                  var parsed = expression.trim().split(/[ ]+/);
                  for (var i = 0; i < parsed.length; i++) {
                    if (parsed[i].includes(",")) {
                      var arrayElement = parsed[i].split(",").map(function(item) {
                        return item.trim();
                      }).filter(function(item) {
                        return item !== "";
                      }).map(function(item) {
                        return !isNaN(Number(item)) ? Number(item) : item;
                      }).filter(function(item) {
                        return item !== null && item !== "";
                      });
                      if (arrayElement.length === 0) {
                        arrayElement.push("*");
                      }
                      arrayElement.sort(function(a, b2) {
                        return a !== null && b2 !== null ? a - b2 : 0;
                      });
                      parsed[i] = arrayElement.map(function(item) {
                        return item !== null ? item.toString() : "";
                      }).join(",");
                    }
                  }
                  if (parsed.length < 5) {
                    throw new Error("Expression has only ".concat(parsed.length, " part").concat(parsed.length == 1 ? "" : "s", ". At least 5 parts are required."));
                  } else if (parsed.length == 5) {
                    parsed.unshift("");
                    parsed.push("");
                  } else if (parsed.length == 6) {
                    var isYearWithNoSecondsPart = /\d{4}$/.test(parsed[5]) || parsed[4] == "?" || parsed[2] == "?";
                    if (isYearWithNoSecondsPart) {
                      parsed.unshift("");
                    } else {
                      parsed.push("");
                    }
                  } else if (parsed.length > 7) {
                    throw new Error("Expression has ".concat(parsed.length, " parts; too many!"));
                  }
                  return parsed;
                };
                CronParser2.prototype.normalize = function(expressionParts) {
                  var _this = this;
                  expressionParts[3] = expressionParts[3].replace("?", "*");
                  expressionParts[5] = expressionParts[5].replace("?", "*");
                  expressionParts[2] = expressionParts[2].replace("?", "*");
                  if (expressionParts[0].indexOf("0/") == 0) {
                    expressionParts[0] = expressionParts[0].replace("0/", "*/");
                  }
                  if (expressionParts[1].indexOf("0/") == 0) {
                    expressionParts[1] = expressionParts[1].replace("0/", "*/");
                  }
                  if (expressionParts[2].indexOf("0/") == 0) {
                    expressionParts[2] = expressionParts[2].replace("0/", "*/");
                  }
                  if (expressionParts[3].indexOf("1/") == 0) {
                    expressionParts[3] = expressionParts[3].replace("1/", "*/");
                  }
                  if (!this.monthStartIndexZero && expressionParts[4].indexOf("1/") == 0) {
                    expressionParts[4] = expressionParts[4].replace("1/", "*/");
                  }
                  if (expressionParts[6].indexOf("1/") == 0) {
                    expressionParts[6] = expressionParts[6].replace("1/", "*/");
                  }
                  expressionParts[5] = expressionParts[5].replace(/(^\d+)|([^#/\s\d]\d+)/g, function(t) {
                    var dowDigits = t.replace(/\D/, "");
                    var dowDigitsAdjusted = dowDigits;
                    if (_this.dayOfWeekStartIndexZero) {
                      if (dowDigits == "7") {
                        dowDigitsAdjusted = "0";
                      }
                    } else {
                      dowDigitsAdjusted = (parseInt(dowDigits) - 1).toString();
                    }
                    return t.replace(dowDigits, dowDigitsAdjusted);
                  });
                  if (expressionParts[5] == "L") {
                    expressionParts[5] = "6";
                  }
                  if (expressionParts[3] == "?") {
                    expressionParts[3] = "*";
                  }
                  var weekdayOffsetRegex = /^\d{1,2}W[+-]\d{1,2}$/;
                  if (expressionParts[3].indexOf("W") > -1 && (expressionParts[3].indexOf(",") > -1 || /[-+]/.test(expressionParts[3])) && !weekdayOffsetRegex.test(expressionParts[3])) {
                    throw new Error("The 'W' character can be specified only when the day-of-month is a single day, not a range or list of days.");
                  }
                  var days = {
                    SUN: 0,
                    MON: 1,
                    TUE: 2,
                    WED: 3,
                    THU: 4,
                    FRI: 5,
                    SAT: 6
                  };
                  for (var day in days) {
                    expressionParts[5] = expressionParts[5].replace(new RegExp(day, "gi"), days[day].toString());
                  }
                  expressionParts[4] = expressionParts[4].replace(/(^\d{1,2})|([^#/\s\d]\d{1,2})/g, function(t) {
                    var dowDigits = t.replace(/\D/, "");
                    var dowDigitsAdjusted = dowDigits;
                    if (_this.monthStartIndexZero) {
                      dowDigitsAdjusted = (parseInt(dowDigits) + 1).toString();
                    }
                    return t.replace(dowDigits, dowDigitsAdjusted);
                  });
                  var months = {
                    JAN: 1,
                    FEB: 2,
                    MAR: 3,
                    APR: 4,
                    MAY: 5,
                    JUN: 6,
                    JUL: 7,
                    AUG: 8,
                    SEP: 9,
                    OCT: 10,
                    NOV: 11,
                    DEC: 12
                  };
                  for (var month in months) {
                    expressionParts[4] = expressionParts[4].replace(new RegExp(month, "gi"), months[month].toString());
                  }
                  if (expressionParts[0] == "0") {
                    expressionParts[0] = "";
                  }
                  if (!/\*|\-|\,|\//.test(expressionParts[2]) && (/\*|\//.test(expressionParts[1]) || /\*|\//.test(expressionParts[0]))) {
                    expressionParts[2] += "-".concat(expressionParts[2]);
                  }
                  for (var i = 0; i < expressionParts.length; i++) {
                    if (expressionParts[i].indexOf(",") != -1) {
                      expressionParts[i] = expressionParts[i].split(",").filter(function(str) {
                        return str !== "";
                      }).join(",") || "*";
                    }
                    if (expressionParts[i] == "*/1") {
                      expressionParts[i] = "*";
                    }
                    if (expressionParts[i].indexOf("/") > -1 && !/^\*|\-|\,/.test(expressionParts[i])) {
                      var stepRangeThrough = null;
                      switch (i) {
                        case 4:
                          stepRangeThrough = "12";
                          break;
                        case 5:
                          stepRangeThrough = "6";
                          break;
                        case 6:
                          stepRangeThrough = "9999";
                          break;
                        default:
                          stepRangeThrough = null;
                          break;
                      }
                      if (stepRangeThrough !== null) {
                        var parts = expressionParts[i].split("/");
                        expressionParts[i] = "".concat(parts[0], "-").concat(stepRangeThrough, "/").concat(parts[1]);
                      }
                    }
                  }
                };
                CronParser2.prototype.validate = function(parsed) {
                  var standardCronPartCharacters = "0-9,\\-*/";
                  this.validateOnlyExpectedCharactersFound(parsed[0], standardCronPartCharacters);
                  this.validateOnlyExpectedCharactersFound(parsed[1], standardCronPartCharacters);
                  this.validateOnlyExpectedCharactersFound(parsed[2], standardCronPartCharacters);
                  this.validateOnlyExpectedCharactersFound(parsed[3].replace(/^(\d{1,2}W)[+-]\d{1,2}$/, "$1"), "0-9,\\-*/LW");
                  this.validateOnlyExpectedCharactersFound(parsed[4], standardCronPartCharacters);
                  this.validateOnlyExpectedCharactersFound(parsed[5], "0-9,\\-*/L#");
                  this.validateOnlyExpectedCharactersFound(parsed[6], standardCronPartCharacters);
                  this.validateAnyRanges(parsed);
                };
                CronParser2.prototype.validateAnyRanges = function(parsed) {
                  parsed.forEach(function(part) {
                    return rangeValidator_1.default.stepRange(part);
                  });
                  rangeValidator_1.default.secondRange(parsed[0]);
                  rangeValidator_1.default.minuteRange(parsed[1]);
                  rangeValidator_1.default.hourRange(parsed[2]);
                  rangeValidator_1.default.dayOfMonthRange(parsed[3]);
                  rangeValidator_1.default.monthRange(parsed[4], this.monthStartIndexZero);
                  rangeValidator_1.default.dayOfWeekRange(parsed[5], this.dayOfWeekStartIndexZero);
                };
                CronParser2.prototype.validateOnlyExpectedCharactersFound = function(cronPart, allowedCharsExpression) {
                  var invalidChars = cronPart.match(new RegExp("[^".concat(allowedCharsExpression, "]+"), "gi"));
                  if (invalidChars && invalidChars.length) {
                    throw new Error("Expression contains invalid values: '".concat(invalidChars.toString(), "'"));
                  }
                };
                return CronParser2;
              })();
              exports2.CronParser = CronParser;
            },
            /***/
            8333(__unused_webpack_module, exports2, __webpack_require__2) {
              Object.defineProperty(exports2, "__esModule", { value: true });
              exports2.ExpressionDescriptor = void 0;
              var stringUtilities_1 = __webpack_require__2(1823);
              var cronParser_1 = __webpack_require__2(6949);
              var ExpressionDescriptor = (function() {
                function ExpressionDescriptor2(expression, options) {
                  this.expression = expression;
                  this.options = options;
                  this.expressionParts = new Array(5);
                  if (!this.options.locale && ExpressionDescriptor2.defaultLocale) {
                    this.options.locale = ExpressionDescriptor2.defaultLocale;
                  }
                  if (!ExpressionDescriptor2.locales[this.options.locale]) {
                    var fallBackLocale = Object.keys(ExpressionDescriptor2.locales)[0];
                    console.warn("Locale '".concat(this.options.locale, "' could not be found; falling back to '").concat(fallBackLocale, "'."));
                    this.options.locale = fallBackLocale;
                  }
                  this.i18n = ExpressionDescriptor2.locales[this.options.locale];
                  if (options.use24HourTimeFormat === void 0) {
                    options.use24HourTimeFormat = this.i18n.use24HourTimeFormatByDefault();
                  }
                }
                ExpressionDescriptor2.toString = function(expression, _a) {
                  var _b = _a === void 0 ? {} : _a, _c = _b.throwExceptionOnParseError, throwExceptionOnParseError = _c === void 0 ? true : _c, _d = _b.verbose, verbose = _d === void 0 ? false : _d, _e = _b.dayOfWeekStartIndexZero, dayOfWeekStartIndexZero = _e === void 0 ? true : _e, _f = _b.monthStartIndexZero, monthStartIndexZero = _f === void 0 ? false : _f, use24HourTimeFormat = _b.use24HourTimeFormat, _g = _b.trimHoursLeadingZero, trimHoursLeadingZero = _g === void 0 ? false : _g, _h = _b.locale, locale = _h === void 0 ? null : _h, _j = _b.logicalAndDayFields, logicalAndDayFields = _j === void 0 ? false : _j;
                  var options = {
                    throwExceptionOnParseError,
                    verbose,
                    dayOfWeekStartIndexZero,
                    monthStartIndexZero,
                    use24HourTimeFormat,
                    trimHoursLeadingZero,
                    locale,
                    logicalAndDayFields
                  };
                  if (options.tzOffset) {
                    console.warn("'tzOffset' option has been deprecated and is no longer supported.");
                  }
                  var descripter = new ExpressionDescriptor2(expression, options);
                  return descripter.getFullDescription();
                };
                ExpressionDescriptor2.initialize = function(localesLoader, defaultLocale) {
                  if (defaultLocale === void 0) {
                    defaultLocale = "en";
                  }
                  ExpressionDescriptor2.specialCharacters = ["/", "-", ",", "*"];
                  ExpressionDescriptor2.defaultLocale = defaultLocale;
                  localesLoader.load(ExpressionDescriptor2.locales);
                };
                ExpressionDescriptor2.prototype.getFullDescription = function() {
                  var _a, _b;
                  var description = "";
                  try {
                    var parser = new cronParser_1.CronParser(this.expression, this.options.dayOfWeekStartIndexZero, this.options.monthStartIndexZero);
                    this.expressionParts = parser.parse();
                    if (this.expressionParts[0] === "@reboot") {
                      return ((_b = (_a = this.i18n).atReboot) === null || _b === void 0 ? void 0 : _b.call(_a)) || "Run once, at startup";
                    }
                    var timeSegment = this.getTimeOfDayDescription();
                    var dayOfMonthDesc = this.getDayOfMonthDescription();
                    var monthDesc = this.getMonthDescription();
                    var dayOfWeekDesc = this.getDayOfWeekDescription();
                    var yearDesc = this.getYearDescription();
                    description += timeSegment + dayOfMonthDesc + dayOfWeekDesc + monthDesc + yearDesc;
                    description = this.transformVerbosity(description, !!this.options.verbose);
                    description = description.charAt(0).toLocaleUpperCase() + description.substr(1);
                  } catch (ex) {
                    if (!this.options.throwExceptionOnParseError) {
                      description = this.i18n.anErrorOccuredWhenGeneratingTheExpressionD();
                    } else {
                      throw "".concat(ex);
                    }
                  }
                  return description;
                };
                ExpressionDescriptor2.prototype.getTimeOfDayDescription = function() {
                  var secondsExpression = this.expressionParts[0];
                  var minuteExpression = this.expressionParts[1];
                  var hourExpression = this.expressionParts[2];
                  var description = "";
                  if (!stringUtilities_1.StringUtilities.containsAny(minuteExpression, ExpressionDescriptor2.specialCharacters) && !stringUtilities_1.StringUtilities.containsAny(hourExpression, ExpressionDescriptor2.specialCharacters) && !stringUtilities_1.StringUtilities.containsAny(secondsExpression, ExpressionDescriptor2.specialCharacters)) {
                    description += this.i18n.atSpace() + this.formatTime(hourExpression, minuteExpression, secondsExpression);
                  } else if (!secondsExpression && minuteExpression.indexOf("-") > -1 && !(minuteExpression.indexOf(",") > -1) && !(minuteExpression.indexOf("/") > -1) && !stringUtilities_1.StringUtilities.containsAny(hourExpression, ExpressionDescriptor2.specialCharacters)) {
                    var minuteParts = minuteExpression.split("-");
                    description += stringUtilities_1.StringUtilities.format(this.i18n.everyMinuteBetweenX0AndX1(), this.formatTime(hourExpression, minuteParts[0], ""), this.formatTime(hourExpression, minuteParts[1], ""));
                  } else if (!secondsExpression && hourExpression.indexOf(",") > -1 && hourExpression.indexOf("-") == -1 && hourExpression.indexOf("/") == -1 && !stringUtilities_1.StringUtilities.containsAny(minuteExpression, ExpressionDescriptor2.specialCharacters)) {
                    var hourParts = hourExpression.split(",");
                    description += this.i18n.at();
                    for (var i = 0; i < hourParts.length; i++) {
                      if (description) {
                        description += " ";
                      }
                      description += this.formatTime(hourParts[i], minuteExpression, "");
                      if (i < hourParts.length - 2) {
                        description += ",";
                      }
                      if (i == hourParts.length - 2) {
                        description += this.i18n.spaceAnd();
                      }
                    }
                  } else {
                    var secondsDescription = this.getSecondsDescription();
                    var minutesDescription = this.getMinutesDescription();
                    var hoursDescription = this.getHoursDescription();
                    description += secondsDescription;
                    if (description && minutesDescription) {
                      description += ", ";
                    }
                    description += minutesDescription;
                    if (minutesDescription === hoursDescription) {
                      return description;
                    }
                    if (description && hoursDescription) {
                      description += ", ";
                    }
                    description += hoursDescription;
                  }
                  return description;
                };
                ExpressionDescriptor2.prototype.getSecondsDescription = function() {
                  var _this = this;
                  var description = this.getSegmentDescription(this.expressionParts[0], this.i18n.everySecond(), function(s3) {
                    return s3;
                  }, function(s3) {
                    return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Seconds(s3), s3);
                  }, function(s3) {
                    return _this.i18n.secondsX0ThroughX1PastTheMinute();
                  }, function(s3) {
                    return s3 == "0" ? "" : parseInt(s3) < 20 ? _this.i18n.atX0SecondsPastTheMinute(s3) : _this.i18n.atX0SecondsPastTheMinuteGt20() || _this.i18n.atX0SecondsPastTheMinute(s3);
                  }, { min: 0, max: 59 });
                  return description;
                };
                ExpressionDescriptor2.prototype.getMinutesDescription = function() {
                  var _this = this;
                  var secondsExpression = this.expressionParts[0];
                  var hourExpression = this.expressionParts[2];
                  var description = this.getSegmentDescription(this.expressionParts[1], this.i18n.everyMinute(), function(s3) {
                    return s3;
                  }, function(s3) {
                    return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Minutes(s3), s3);
                  }, function(s3) {
                    return _this.i18n.minutesX0ThroughX1PastTheHour();
                  }, function(s3) {
                    var _a, _b;
                    try {
                      return s3 == "0" && hourExpression.indexOf("/") == -1 && secondsExpression == "" ? _this.i18n.everyHour() : s3 == "0" ? ((_b = (_a = _this.i18n).onTheHour) === null || _b === void 0 ? void 0 : _b.call(_a)) || _this.i18n.atX0MinutesPastTheHour(s3) : parseInt(s3) < 20 ? _this.i18n.atX0MinutesPastTheHour(s3) : _this.i18n.atX0MinutesPastTheHourGt20() || _this.i18n.atX0MinutesPastTheHour(s3);
                    } catch (e) {
                      return _this.i18n.atX0MinutesPastTheHour(s3);
                    }
                  }, { min: 0, max: 59 });
                  return description;
                };
                ExpressionDescriptor2.prototype.getHoursDescription = function() {
                  var _this = this;
                  var expression = this.expressionParts[2];
                  var hourIndex = 0;
                  var rangeEndValues = [];
                  expression.split("/")[0].split(",").forEach(function(range) {
                    var rangeParts = range.split("-");
                    if (rangeParts.length === 2) {
                      rangeEndValues.push({ value: rangeParts[1], index: hourIndex + 1 });
                    }
                    hourIndex += rangeParts.length;
                  });
                  var evaluationIndex = 0;
                  var description = this.getSegmentDescription(expression, this.i18n.everyHour(), function(s3) {
                    var match = rangeEndValues.find(function(r) {
                      return r.value === s3 && r.index === evaluationIndex;
                    });
                    var isRangeEndWithNonZeroMinute = match && _this.expressionParts[1] !== "0";
                    evaluationIndex++;
                    return isRangeEndWithNonZeroMinute ? _this.formatTime(s3, "59", "") : _this.formatTime(s3, "0", "");
                  }, function(s3) {
                    return stringUtilities_1.StringUtilities.format(_this.i18n.everyX0Hours(s3), s3);
                  }, function(s3) {
                    return _this.i18n.betweenX0AndX1();
                  }, function(s3) {
                    return _this.i18n.atX0();
                  }, { min: 0, max: 23 });
                  return description;
                };
                ExpressionDescriptor2.prototype.getDayOfWeekDescription = function(dayOfWeekExpression) {
                  var _this = this;
                  var _a, _b;
                  if (dayOfWeekExpression === void 0) {
                    dayOfWeekExpression = this.expressionParts[5];
                  }
                  var daysOfWeekNames = this.i18n.daysOfTheWeek();
                  var description = null;
                  if (dayOfWeekExpression == "*") {
                    description = "";
                  } else {
                    var dayOfWeekItems = dayOfWeekExpression.split(",");
                    var lastItems = dayOfWeekItems.filter(function(s3) {
                      return s3.indexOf("L") > -1;
                    });
                    var otherItems = dayOfWeekItems.filter(function(s3) {
                      return s3.indexOf("L") === -1;
                    });
                    if (lastItems.length > 0 && otherItems.length > 0) {
                      var lastDescription = (_a = this.getDayOfWeekDescription(lastItems.join(","))) !== null && _a !== void 0 ? _a : "";
                      return ((_b = this.getDayOfWeekDescription(otherItems.join(","))) !== null && _b !== void 0 ? _b : "") + "".concat(this.i18n.spaceAnd(), " ") + (lastDescription.startsWith(", ") ? lastDescription.substring(2) : lastDescription);
                    }
                    description = this.getSegmentDescription(dayOfWeekExpression, this.i18n.commaEveryDay(), function(s3, form) {
                      var exp = s3;
                      if (s3.indexOf("#") > -1) {
                        exp = s3.substring(0, s3.indexOf("#"));
                      } else if (s3.indexOf("L") > -1) {
                        exp = exp.replace("L", "");
                      }
                      var parsedExp = parseInt(exp);
                      var description2 = _this.i18n.daysOfTheWeekInCase ? _this.i18n.daysOfTheWeekInCase(form)[parsedExp] : daysOfWeekNames[parsedExp];
                      if (s3.indexOf("#") > -1) {
                        var dayOfWeekOfMonthDescription = null;
                        var dayOfWeekOfMonthNumber = s3.substring(s3.indexOf("#") + 1);
                        var dayOfWeekNumber = s3.substring(0, s3.indexOf("#"));
                        switch (dayOfWeekOfMonthNumber) {
                          case "1":
                            dayOfWeekOfMonthDescription = _this.i18n.first(dayOfWeekNumber);
                            break;
                          case "2":
                            dayOfWeekOfMonthDescription = _this.i18n.second(dayOfWeekNumber);
                            break;
                          case "3":
                            dayOfWeekOfMonthDescription = _this.i18n.third(dayOfWeekNumber);
                            break;
                          case "4":
                            dayOfWeekOfMonthDescription = _this.i18n.fourth(dayOfWeekNumber);
                            break;
                          case "5":
                            dayOfWeekOfMonthDescription = _this.i18n.fifth(dayOfWeekNumber);
                            break;
                        }
                        description2 = dayOfWeekOfMonthDescription + " " + description2;
                      }
                      return description2;
                    }, function(s3) {
                      if (parseInt(s3) == 1) {
                        return "";
                      } else {
                        return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0DaysOfTheWeek(s3), s3);
                      }
                    }, function(s3) {
                      var beginFrom = s3.substring(0, s3.indexOf("-"));
                      var domSpecified = _this.expressionParts[3] != "*";
                      return domSpecified ? _this.i18n.commaAndX0ThroughX1(beginFrom) : _this.i18n.commaX0ThroughX1(beginFrom);
                    }, function(s3) {
                      var format = null;
                      if (s3.indexOf("#") > -1) {
                        var dayOfWeekOfMonthNumber = s3.substring(s3.indexOf("#") + 1);
                        var dayOfWeek = s3.substring(0, s3.indexOf("#"));
                        format = _this.i18n.commaOnThe(dayOfWeekOfMonthNumber, dayOfWeek).trim() + _this.i18n.spaceX0OfTheMonth();
                      } else if (s3.indexOf("L") > -1) {
                        format = _this.i18n.commaOnTheLastX0OfTheMonth(s3.replace("L", ""));
                      } else {
                        var domSpecified = _this.expressionParts[3] != "*";
                        if (!domSpecified) {
                          format = _this.i18n.commaOnlyOnX0(s3);
                        } else if (_this.options.logicalAndDayFields) {
                          format = _this.i18n.commaOnlyOnX0(s3);
                        } else {
                          format = _this.i18n.commaAndOnX0();
                        }
                      }
                      return format;
                    });
                  }
                  return description;
                };
                ExpressionDescriptor2.prototype.getMonthDescription = function() {
                  var _this = this;
                  var monthNames = this.i18n.monthsOfTheYear();
                  var description = this.getSegmentDescription(this.expressionParts[4], "", function(s3, form) {
                    return form && _this.i18n.monthsOfTheYearInCase ? _this.i18n.monthsOfTheYearInCase(form)[parseInt(s3) - 1] : monthNames[parseInt(s3) - 1];
                  }, function(s3) {
                    if (parseInt(s3) == 1) {
                      return "";
                    } else {
                      return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0Months(s3), s3);
                    }
                  }, function(s3) {
                    return _this.i18n.commaMonthX0ThroughMonthX1() || _this.i18n.commaX0ThroughX1();
                  }, function(s3) {
                    return _this.i18n.commaOnlyInMonthX0 ? _this.i18n.commaOnlyInMonthX0() : _this.i18n.commaOnlyInX0();
                  });
                  return description;
                };
                ExpressionDescriptor2.prototype.getDayOfMonthDescription = function() {
                  var _this = this;
                  var _a, _b, _c, _d;
                  var description = null;
                  var expression = this.expressionParts[3];
                  switch (expression) {
                    case "L":
                      description = this.i18n.commaOnTheLastDayOfTheMonth();
                      break;
                    case "WL":
                    case "LW":
                      description = this.i18n.commaOnTheLastWeekdayOfTheMonth();
                      break;
                    default:
                      var weekDayNumberMatches = expression.match(/^(?:(\d{1,2})W|W(\d{1,2}))(?:([+-])(\d{1,2}))?$/);
                      if (weekDayNumberMatches) {
                        var dayNumber = parseInt(weekDayNumberMatches[1] || weekDayNumberMatches[2]);
                        var dayString = dayNumber == 1 ? this.i18n.firstWeekday() : stringUtilities_1.StringUtilities.format(this.i18n.weekdayNearestDayX0(), dayNumber.toString());
                        var offsetDays = weekDayNumberMatches[4];
                        if (!offsetDays) {
                          description = stringUtilities_1.StringUtilities.format(this.i18n.commaOnTheX0OfTheMonth(), dayString);
                        } else if (weekDayNumberMatches[3] == "-") {
                          description = stringUtilities_1.StringUtilities.format(((_b = (_a = this.i18n).commaDaysBeforeTheX0OfTheMonth) === null || _b === void 0 ? void 0 : _b.call(_a, offsetDays)) || ", %s days before the %s of the month", offsetDays, dayString);
                        } else {
                          description = stringUtilities_1.StringUtilities.format(((_d = (_c = this.i18n).commaDaysAfterTheX0OfTheMonth) === null || _d === void 0 ? void 0 : _d.call(_c, offsetDays)) || ", %s days after the %s of the month", offsetDays, dayString);
                        }
                        break;
                      } else {
                        var lastDayOffSetMatches = expression.match(/L-(\d{1,2})/);
                        if (lastDayOffSetMatches) {
                          var offSetDays = lastDayOffSetMatches[1];
                          description = stringUtilities_1.StringUtilities.format(this.i18n.commaDaysBeforeTheLastDayOfTheMonth(offSetDays), offSetDays);
                          break;
                        } else if (expression == "*" && this.expressionParts[5] != "*") {
                          return "";
                        } else {
                          description = this.getSegmentDescription(expression, this.i18n.commaEveryDay(), function(s3) {
                            return s3 == "L" ? _this.i18n.lastDay() : _this.i18n.dayX0 ? stringUtilities_1.StringUtilities.format(_this.i18n.dayX0(), s3) : s3;
                          }, function(s3) {
                            return s3 == "1" ? _this.i18n.commaEveryDay() : _this.i18n.commaEveryX0Days(s3);
                          }, function(s3) {
                            return _this.i18n.commaBetweenDayX0AndX1OfTheMonth(s3);
                          }, function(s3) {
                            return _this.i18n.commaOnDayX0OfTheMonth(s3);
                          });
                        }
                        break;
                      }
                  }
                  return description;
                };
                ExpressionDescriptor2.prototype.getYearDescription = function() {
                  var _this = this;
                  var description = this.getSegmentDescription(this.expressionParts[6], "", function(s3) {
                    return /^\d+$/.test(s3) ? new Date(parseInt(s3), 1).getFullYear().toString() : s3;
                  }, function(s3) {
                    return stringUtilities_1.StringUtilities.format(_this.i18n.commaEveryX0Years(s3), s3);
                  }, function(s3) {
                    return _this.i18n.commaYearX0ThroughYearX1() || _this.i18n.commaX0ThroughX1();
                  }, function(s3) {
                    return _this.i18n.commaOnlyInYearX0 ? _this.i18n.commaOnlyInYearX0() : _this.i18n.commaOnlyInX0();
                  });
                  return description;
                };
                ExpressionDescriptor2.prototype.getSegmentDescription = function(expression, allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat, range) {
                  var description = null;
                  var doesExpressionContainIncrement = expression.indexOf("/") > -1;
                  var doesExpressionContainRange = expression.indexOf("-") > -1;
                  var doesExpressionContainMultipleValues = expression.indexOf(",") > -1;
                  if (!expression) {
                    description = "";
                  } else if (expression === "*") {
                    description = allDescription;
                  } else if (!doesExpressionContainIncrement && !doesExpressionContainRange && !doesExpressionContainMultipleValues) {
                    description = stringUtilities_1.StringUtilities.format(getDescriptionFormat(expression), getSingleItemDescription(expression));
                  } else if (doesExpressionContainMultipleValues) {
                    var segments = expression.split(",");
                    var descriptionContent = "";
                    var conjunction = this.i18n.spaceAnd();
                    for (var i = 0; i < segments.length; i++) {
                      if (i > 0 && segments.length > 2) {
                        descriptionContent += ",";
                        if (i < segments.length - 1) {
                          descriptionContent += " ";
                        }
                      }
                      if (i > 0 && segments.length > 1 && (i == segments.length - 1 || segments.length == 2)) {
                        descriptionContent += conjunction == "," && segments.length > 2 ? " " : "".concat(conjunction, " ");
                      }
                      if (segments[i].indexOf("/") > -1 || segments[i].indexOf("-") > -1) {
                        var isSegmentRangeWithoutIncrement = segments[i].indexOf("-") > -1 && segments[i].indexOf("/") == -1;
                        var currentDescriptionContent = this.getSegmentDescription(segments[i], allDescription, getSingleItemDescription, getIncrementDescriptionFormat, isSegmentRangeWithoutIncrement ? this.i18n.commaX0ThroughX1 : getRangeDescriptionFormat, getDescriptionFormat);
                        if (isSegmentRangeWithoutIncrement) {
                          currentDescriptionContent = currentDescriptionContent.replace(", ", "");
                        } else if (i > 0 && currentDescriptionContent.startsWith(", ")) {
                          currentDescriptionContent = currentDescriptionContent.substring(2);
                        }
                        descriptionContent += currentDescriptionContent;
                      } else if (!doesExpressionContainIncrement) {
                        descriptionContent += getSingleItemDescription(segments[i]);
                      } else {
                        var segmentDescription = this.getSegmentDescription(segments[i], allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat);
                        if (i > 0 && segmentDescription && segmentDescription.startsWith(", ")) {
                          segmentDescription = segmentDescription.substring(2);
                        }
                        descriptionContent += segmentDescription;
                      }
                    }
                    if (!doesExpressionContainIncrement) {
                      description = stringUtilities_1.StringUtilities.format(getDescriptionFormat(expression), descriptionContent);
                    } else {
                      description = descriptionContent;
                    }
                  } else if (doesExpressionContainIncrement) {
                    var segments = expression.split("/");
                    description = stringUtilities_1.StringUtilities.format(getIncrementDescriptionFormat(segments[1]), segments[1]);
                    if (segments[0].indexOf("-") > -1) {
                      var rangeSegmentDescription = this.generateRangeSegmentDescription(segments[0], getRangeDescriptionFormat, getSingleItemDescription);
                      if (rangeSegmentDescription.indexOf(", ") != 0) {
                        description += ", ";
                      }
                      description += rangeSegmentDescription;
                    } else if (segments[0].indexOf("*") == -1) {
                      var rangeItemDescription = stringUtilities_1.StringUtilities.format(getDescriptionFormat(segments[0]), getSingleItemDescription(segments[0]));
                      rangeItemDescription = rangeItemDescription.replace(", ", "");
                      description += stringUtilities_1.StringUtilities.format(this.i18n.commaStartingX0(), rangeItemDescription);
                    }
                    description += this.getWrappingIncrementDescription(expression, range, allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat);
                  } else if (doesExpressionContainRange) {
                    description = this.generateRangeSegmentDescription(expression, getRangeDescriptionFormat, getSingleItemDescription);
                  }
                  return description;
                };
                ExpressionDescriptor2.prototype.getWrappingIncrementDescription = function(expression, range, allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat) {
                  if (!this.options.verbose || !range) {
                    return "";
                  }
                  var _a = expression.split("/"), start = _a[0], stepValue = _a[1];
                  var step = parseInt(stepValue);
                  var length = range.max - range.min + 1;
                  var coversWholeField = start === "*";
                  var isUsableStep = Number.isInteger(step) && step > 1;
                  var dividesEvenly = isUsableStep && length % step === 0;
                  if (!coversWholeField || !isUsableStep || dividesEvenly) {
                    return "";
                  }
                  var values = [];
                  for (var value = range.min; value <= range.max; value += step) {
                    values.push(value);
                  }
                  if (values.length < 2) {
                    return "";
                  }
                  var valuesDescription = this.getSegmentDescription(values.join(","), allDescription, getSingleItemDescription, getIncrementDescriptionFormat, getRangeDescriptionFormat, getDescriptionFormat);
                  return valuesDescription ? ", ".concat(valuesDescription) : "";
                };
                ExpressionDescriptor2.prototype.generateRangeSegmentDescription = function(rangeExpression, getRangeDescriptionFormat, getSingleItemDescription) {
                  var description = "";
                  var rangeSegments = rangeExpression.split("-");
                  var rangeSegment1Description = getSingleItemDescription(rangeSegments[0], 1);
                  var rangeSegment2Description = getSingleItemDescription(rangeSegments[1], 2);
                  var rangeDescriptionFormat = getRangeDescriptionFormat(rangeExpression);
                  description += stringUtilities_1.StringUtilities.format(rangeDescriptionFormat, rangeSegment1Description, rangeSegment2Description);
                  return description;
                };
                ExpressionDescriptor2.prototype.formatTime = function(hourExpression, minuteExpression, secondExpression) {
                  var hourOffset = 0;
                  var minuteOffset = 0;
                  var hour = parseInt(hourExpression) + hourOffset;
                  var minute = parseInt(minuteExpression) + minuteOffset;
                  if (minute >= 60) {
                    minute -= 60;
                    hour += 1;
                  } else if (minute < 0) {
                    minute += 60;
                    hour -= 1;
                  }
                  if (hour >= 24) {
                    hour = hour - 24;
                  } else if (hour < 0) {
                    hour = 24 + hour;
                  }
                  var period = "";
                  var setPeriodBeforeTime = false;
                  if (!this.options.use24HourTimeFormat) {
                    setPeriodBeforeTime = !!(this.i18n.setPeriodBeforeTime && this.i18n.setPeriodBeforeTime());
                    period = setPeriodBeforeTime ? "".concat(this.getPeriod(hour), " ") : " ".concat(this.getPeriod(hour));
                    if (hour > 12) {
                      hour -= 12;
                    }
                    if (hour === 0) {
                      hour = 12;
                    }
                  }
                  var second = "";
                  if (secondExpression) {
                    second = ":".concat(("00" + secondExpression).substring(secondExpression.length));
                  }
                  var hourStr = hour.toString();
                  var paddedHour = ("00" + hourStr).substring(hourStr.length);
                  var minuteStr = minute.toString();
                  var paddedMinute = ("00" + minuteStr).substring(minuteStr.length);
                  var displayHour = this.options.trimHoursLeadingZero ? hourStr : paddedHour;
                  return "".concat(setPeriodBeforeTime ? period : "").concat(displayHour, ":").concat(paddedMinute).concat(second).concat(!setPeriodBeforeTime ? period : "");
                };
                ExpressionDescriptor2.prototype.transformVerbosity = function(description, useVerboseFormat) {
                  if (!useVerboseFormat) {
                    description = description.replace(new RegExp(", ".concat(this.i18n.everyMinute(), "(?!\\s*[\\p{L}\\p{N}])"), "gu"), "");
                    description = description.replace(new RegExp(", ".concat(this.i18n.everyHour(), "(?!\\s*[\\p{L}\\p{N}])"), "gu"), "");
                    description = description.replace(new RegExp("".concat(this.i18n.commaEveryDay(), "(?!\\s*[\\p{L}\\p{N}])"), "gu"), "");
                    description = description.replace(/\, ?$/, "");
                    if (this.i18n.conciseVerbosityReplacements) {
                      for (var _i = 0, _a = Object.entries(this.i18n.conciseVerbosityReplacements()); _i < _a.length; _i++) {
                        var _b = _a[_i], key = _b[0], value = _b[1];
                        description = description.replace(new RegExp(key, "g"), value);
                      }
                    }
                  }
                  return description;
                };
                ExpressionDescriptor2.prototype.getPeriod = function(hour) {
                  return hour >= 12 ? this.i18n.pm && this.i18n.pm() || "PM" : this.i18n.am && this.i18n.am() || "AM";
                };
                ExpressionDescriptor2.locales = {};
                return ExpressionDescriptor2;
              })();
              exports2.ExpressionDescriptor = ExpressionDescriptor;
            },
            /***/
            3747(__unused_webpack_module, exports2, __webpack_require__2) {
              Object.defineProperty(exports2, "__esModule", { value: true });
              exports2.enLocaleLoader = void 0;
              var en_1 = __webpack_require__2(9486);
              var enLocaleLoader = (function() {
                function enLocaleLoader2() {
                }
                enLocaleLoader2.prototype.load = function(availableLocales) {
                  availableLocales["en"] = new en_1.en();
                };
                return enLocaleLoader2;
              })();
              exports2.enLocaleLoader = enLocaleLoader;
            },
            /***/
            9486(__unused_webpack_module, exports2) {
              Object.defineProperty(exports2, "__esModule", { value: true });
              exports2.en = void 0;
              var isOne = function(s3) {
                return Number(s3) === 1;
              };
              var en = (function() {
                function en2() {
                }
                en2.prototype.atX0SecondsPastTheMinuteGt20 = function() {
                  return null;
                };
                en2.prototype.atX0MinutesPastTheHourGt20 = function() {
                  return null;
                };
                en2.prototype.commaMonthX0ThroughMonthX1 = function() {
                  return null;
                };
                en2.prototype.commaYearX0ThroughYearX1 = function() {
                  return null;
                };
                en2.prototype.use24HourTimeFormatByDefault = function() {
                  return false;
                };
                en2.prototype.anErrorOccuredWhenGeneratingTheExpressionD = function() {
                  return "An error occurred when generating the expression description. Check the cron expression syntax.";
                };
                en2.prototype.everyMinute = function() {
                  return "every minute";
                };
                en2.prototype.everyHour = function() {
                  return "every hour";
                };
                en2.prototype.atSpace = function() {
                  return "At ";
                };
                en2.prototype.everyMinuteBetweenX0AndX1 = function() {
                  return "Every minute between %s and %s";
                };
                en2.prototype.at = function() {
                  return "At";
                };
                en2.prototype.spaceAnd = function() {
                  return " and";
                };
                en2.prototype.everySecond = function() {
                  return "every second";
                };
                en2.prototype.everyX0Seconds = function(s3) {
                  return isOne(s3) ? "every %s second" : "every %s seconds";
                };
                en2.prototype.secondsX0ThroughX1PastTheMinute = function() {
                  return "seconds %s through %s past the minute";
                };
                en2.prototype.atX0SecondsPastTheMinute = function(s3) {
                  return isOne(s3) ? "at %s second past the minute" : "at %s seconds past the minute";
                };
                en2.prototype.everyX0Minutes = function(s3) {
                  return isOne(s3) ? "every %s minute" : "every %s minutes";
                };
                en2.prototype.minutesX0ThroughX1PastTheHour = function() {
                  return "minutes %s through %s past the hour";
                };
                en2.prototype.atX0MinutesPastTheHour = function(s3) {
                  return isOne(s3) ? "at %s minute past the hour" : "at %s minutes past the hour";
                };
                en2.prototype.everyX0Hours = function(s3) {
                  return isOne(s3) ? "every %s hour" : "every %s hours";
                };
                en2.prototype.betweenX0AndX1 = function() {
                  return "between %s and %s";
                };
                en2.prototype.atX0 = function() {
                  return "at %s";
                };
                en2.prototype.commaEveryDay = function() {
                  return ", every day";
                };
                en2.prototype.commaEveryX0DaysOfTheWeek = function() {
                  return ", every %s days of the week";
                };
                en2.prototype.commaX0ThroughX1 = function() {
                  return ", %s through %s";
                };
                en2.prototype.commaAndX0ThroughX1 = function() {
                  return ", %s through %s";
                };
                en2.prototype.first = function() {
                  return "first";
                };
                en2.prototype.second = function() {
                  return "second";
                };
                en2.prototype.third = function() {
                  return "third";
                };
                en2.prototype.fourth = function() {
                  return "fourth";
                };
                en2.prototype.fifth = function() {
                  return "fifth";
                };
                en2.prototype.commaOnThe = function() {
                  return ", on the ";
                };
                en2.prototype.spaceX0OfTheMonth = function() {
                  return " %s of the month";
                };
                en2.prototype.lastDay = function() {
                  return "the last day";
                };
                en2.prototype.commaOnTheLastX0OfTheMonth = function() {
                  return ", on the last %s of the month";
                };
                en2.prototype.commaOnlyOnX0 = function() {
                  return ", only on %s";
                };
                en2.prototype.commaAndOnX0 = function() {
                  return ", and on %s";
                };
                en2.prototype.commaEveryX0Months = function() {
                  return ", every %s months";
                };
                en2.prototype.commaOnlyInX0 = function() {
                  return ", only in %s";
                };
                en2.prototype.commaOnTheLastDayOfTheMonth = function() {
                  return ", on the last day of the month";
                };
                en2.prototype.commaOnTheLastWeekdayOfTheMonth = function() {
                  return ", on the last weekday of the month";
                };
                en2.prototype.commaDaysBeforeTheLastDayOfTheMonth = function(s3) {
                  return isOne(s3) ? ", %s day before the last day of the month" : ", %s days before the last day of the month";
                };
                en2.prototype.firstWeekday = function() {
                  return "first weekday";
                };
                en2.prototype.weekdayNearestDayX0 = function() {
                  return "weekday nearest day %s";
                };
                en2.prototype.commaOnTheX0OfTheMonth = function() {
                  return ", on the %s of the month";
                };
                en2.prototype.commaDaysBeforeTheX0OfTheMonth = function(s3) {
                  return isOne(s3) ? ", %s day before the %s of the month" : ", %s days before the %s of the month";
                };
                en2.prototype.commaDaysAfterTheX0OfTheMonth = function(s3) {
                  return isOne(s3) ? ", %s day after the %s of the month" : ", %s days after the %s of the month";
                };
                en2.prototype.commaEveryX0Days = function() {
                  return ", every %s days in a month";
                };
                en2.prototype.commaBetweenDayX0AndX1OfTheMonth = function() {
                  return ", between day %s and %s of the month";
                };
                en2.prototype.commaOnDayX0OfTheMonth = function() {
                  return ", on day %s of the month";
                };
                en2.prototype.commaEveryHour = function() {
                  return ", every hour";
                };
                en2.prototype.commaEveryX0Years = function(s3) {
                  return isOne(s3) ? ", every %s year" : ", every %s years";
                };
                en2.prototype.commaStartingX0 = function() {
                  return ", starting %s";
                };
                en2.prototype.daysOfTheWeek = function() {
                  return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
                };
                en2.prototype.monthsOfTheYear = function() {
                  return [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December"
                  ];
                };
                en2.prototype.atReboot = function() {
                  return "Run once, at startup";
                };
                en2.prototype.onTheHour = function() {
                  return "on the hour";
                };
                return en2;
              })();
              exports2.en = en;
            },
            /***/
            9515(__unused_webpack_module, exports2) {
              Object.defineProperty(exports2, "__esModule", { value: true });
              function assert(value, message) {
                if (!value) {
                  throw new Error(message);
                }
              }
              function rangeValues(part) {
                var values = [];
                if (!isNaN(parseInt(part, 10))) {
                  values.push(parseInt(part, 10));
                  var range = part.match(/^\d+-(-?\d+)/);
                  if (range) {
                    values.push(parseInt(range[1], 10));
                  }
                }
                return values;
              }
              var RangeValidator = (function() {
                function RangeValidator2() {
                }
                RangeValidator2.stepRange = function(parse) {
                  var parsed = parse.split(",");
                  for (var i = 0; i < parsed.length; i++) {
                    var step = parsed[i].split("/")[1];
                    assert(step === void 0 || !/^0+$/.test(step), "step value must be greater than 0");
                  }
                };
                RangeValidator2.secondRange = function(parse) {
                  var parsed = parse.split(",");
                  for (var i = 0; i < parsed.length; i++) {
                    for (var _i = 0, _a = rangeValues(parsed[i]); _i < _a.length; _i++) {
                      var second = _a[_i];
                      assert(second >= 0 && second <= 59, "seconds part must be >= 0 and <= 59");
                    }
                  }
                };
                RangeValidator2.minuteRange = function(parse) {
                  var parsed = parse.split(",");
                  for (var i = 0; i < parsed.length; i++) {
                    for (var _i = 0, _a = rangeValues(parsed[i]); _i < _a.length; _i++) {
                      var minute = _a[_i];
                      assert(minute >= 0 && minute <= 59, "minutes part must be >= 0 and <= 59");
                    }
                  }
                };
                RangeValidator2.hourRange = function(parse) {
                  var parsed = parse.split(",");
                  for (var i = 0; i < parsed.length; i++) {
                    for (var _i = 0, _a = rangeValues(parsed[i]); _i < _a.length; _i++) {
                      var hour = _a[_i];
                      assert(hour >= 0 && hour <= 23, "hours part must be >= 0 and <= 23");
                    }
                  }
                };
                RangeValidator2.dayOfMonthRange = function(parse) {
                  var parsed = parse.split(",");
                  for (var i = 0; i < parsed.length; i++) {
                    for (var _i = 0, _a = rangeValues(parsed[i]); _i < _a.length; _i++) {
                      var dayOfMonth = _a[_i];
                      assert(dayOfMonth >= 1 && dayOfMonth <= 31, "DOM part must be >= 1 and <= 31");
                    }
                  }
                };
                RangeValidator2.monthRange = function(parse, monthStartIndexZero) {
                  var parsed = parse.split(",");
                  for (var i = 0; i < parsed.length; i++) {
                    for (var _i = 0, _a = rangeValues(parsed[i]); _i < _a.length; _i++) {
                      var month = _a[_i];
                      assert(month >= 1 && month <= 12, monthStartIndexZero ? "month part must be >= 0 and <= 11" : "month part must be >= 1 and <= 12");
                    }
                  }
                };
                RangeValidator2.dayOfWeekRange = function(parse, dayOfWeekStartIndexZero) {
                  var parsed = parse.split(",");
                  for (var i = 0; i < parsed.length; i++) {
                    if (parsed[i].indexOf("#") > -1) {
                      var nthString = parsed[i].substring(parsed[i].indexOf("#") + 1);
                      assert(/^[1-5]$/.test(nthString), "DOW nth weekday must be >= 1 and <= 5");
                    }
                    for (var _i = 0, _a = rangeValues(parsed[i]); _i < _a.length; _i++) {
                      var dayOfWeek = _a[_i];
                      assert(dayOfWeek >= 0 && dayOfWeek <= 6, dayOfWeekStartIndexZero ? "DOW part must be >= 0 and <= 6" : "DOW part must be >= 1 and <= 7");
                    }
                  }
                };
                return RangeValidator2;
              })();
              exports2["default"] = RangeValidator;
            },
            /***/
            1823(__unused_webpack_module, exports2) {
              Object.defineProperty(exports2, "__esModule", { value: true });
              exports2.StringUtilities = void 0;
              var StringUtilities = (function() {
                function StringUtilities2() {
                }
                StringUtilities2.format = function(template) {
                  var values = [];
                  for (var _i = 1; _i < arguments.length; _i++) {
                    values[_i - 1] = arguments[_i];
                  }
                  return template.replace(/%s/g, function(substring) {
                    var args = [];
                    for (var _i2 = 1; _i2 < arguments.length; _i2++) {
                      args[_i2 - 1] = arguments[_i2];
                    }
                    return values.shift();
                  });
                };
                StringUtilities2.containsAny = function(text, searchStrings) {
                  return searchStrings.some(function(c2) {
                    return text.indexOf(c2) > -1;
                  });
                };
                return StringUtilities2;
              })();
              exports2.StringUtilities = StringUtilities;
            }
            /******/
          };
          var __webpack_module_cache__ = {};
          function __webpack_require__(moduleId) {
            var cachedModule = __webpack_module_cache__[moduleId];
            if (cachedModule !== void 0) {
              return cachedModule.exports;
            }
            var module2 = __webpack_module_cache__[moduleId] = {
              /******/
              // no module.id needed
              /******/
              // no module.loaded needed
              /******/
              exports: {}
              /******/
            };
            __webpack_modules__[moduleId](module2, module2.exports, __webpack_require__);
            return module2.exports;
          }
          var __webpack_exports__ = {};
          (() => {
            var exports2 = __webpack_exports__;
            Object.defineProperty(exports2, "__esModule", { value: true });
            exports2.toString = void 0;
            var expressionDescriptor_1 = __webpack_require__(8333);
            var enLocaleLoader_1 = __webpack_require__(3747);
            expressionDescriptor_1.ExpressionDescriptor.initialize(new enLocaleLoader_1.enLocaleLoader());
            exports2["default"] = expressionDescriptor_1.ExpressionDescriptor;
            var cronstrue_toString = expressionDescriptor_1.ExpressionDescriptor.toString;
            exports2.toString = cronstrue_toString;
          })();
          return __webpack_exports__;
        })()
      );
    });
  }
});

// src/report/schedule-display.ts
var import_cronstrue = __toESM(require_cronstrue(), 1);

// node_modules/croner/dist/croner.js
function g(s3, e, t, n = 0, r = 0, a = 0, i = 0) {
  let o = s3 >= 0 && s3 < 100, u = Date.UTC(o ? s3 + 400 : s3, e, t, n, r, a, i);
  return o ? u - 126227808e5 : u;
}
function D(s3) {
  return g(s3.y, s3.m - 1, s3.d, s3.h, s3.i, s3.s);
}
function w(s3, e) {
  return s3.y === e.y && s3.m === e.m && s3.d === e.d && s3.h === e.h && s3.i === e.i && s3.s === e.s;
}
function O(s3) {
  let e = s3.substring(9);
  return e.includes("Z") || e.includes("+") || e.includes("-");
}
function Z(s3, e) {
  let t = new Date(Date.parse(s3));
  if (isNaN(t)) throw new Error("Invalid ISO8601 passed to timezone parser.");
  return O(s3) ? { tp: T(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), "Etc/UTC"), ms: t.getUTCMilliseconds() } : { tp: T(t.getFullYear(), t.getMonth() + 1, t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds(), e), ms: t.getMilliseconds() };
}
function v(s3, e, t) {
  let { tp: n, ms: r } = Z(s3, e);
  return new Date(N(n, t).getTime() + r);
}
function N(s3, e) {
  let t = _(s3);
  if (t.kind === "single") return t.date;
  if (t.kind === "ambiguous") return t.earlier;
  if (e) throw new Error("Invalid date passed to fromTZ()");
  return t.after;
}
function _(s3) {
  let e = D(s3), t = (i) => R(new Date(i), s3.tz), n = e - t(e), r = y(new Date(n), s3.tz);
  if (w(r, s3)) {
    let i = D(r) - n, o = n - (t(n - E) - i);
    if (o < n && w(y(new Date(o), s3.tz), s3)) return { kind: "ambiguous", earlier: new Date(o), later: new Date(n) };
    let u = n + (i - t(n + E));
    return u > n && w(y(new Date(u), s3.tz), s3) ? { kind: "ambiguous", earlier: new Date(n), later: new Date(u) } : { kind: "single", date: new Date(n) };
  }
  let a = e - (D(r) - n);
  return w(y(new Date(a), s3.tz), s3) ? { kind: "single", date: new Date(a) } : { kind: "gap", before: new Date(Math.min(n, a)), after: new Date(Math.max(n, a)) };
}
var E = 3 * 36e5;
function R(s3, e) {
  return D(y(s3, e)) - (s3.getTime() - s3.getUTCMilliseconds());
}
function k(s3, e, t) {
  let n = R(new Date(s3), t);
  for (; e - s3 > 1e3; ) {
    let r = s3 + Math.floor((e - s3) / 2e3) * 1e3;
    R(new Date(r), t) === n ? s3 = r : e = r;
  }
  return e;
}
function U(s3, e) {
  let t = _(y(new Date(s3), e));
  if (t.kind === "ambiguous") return s3 < t.later.getTime() ? "earlier" : "later";
}
var H = g(1, 0, 1);
var S = 864e5;
var W = /* @__PURE__ */ new Map();
function y(s3, e) {
  if (e === void 0) return T(s3.getFullYear(), s3.getMonth() + 1, s3.getDate(), s3.getHours(), s3.getMinutes(), s3.getSeconds());
  let t = W.get(e), n;
  try {
    t || (t = new Intl.DateTimeFormat("en-US", { timeZone: e, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hour12: false }), W.set(e, t)), n = t.formatToParts(s3);
  } catch (i) {
    let o = i instanceof Error ? i.message : String(i);
    throw new RangeError(`toTZ: Invalid timezone '${e}' or date. Please provide a valid IANA timezone (e.g., 'America/New_York', 'Europe/Stockholm'). Original error: ${o}`);
  }
  let r = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (let i of n) (i.type === "year" || i.type === "month" || i.type === "day" || i.type === "hour" || i.type === "minute" || i.type === "second") && (r[i.type] = parseInt(i.value, 10));
  if (isNaN(r.year) || isNaN(r.month) || isNaN(r.day) || isNaN(r.hour) || isNaN(r.minute) || isNaN(r.second)) throw new Error(`toTZ: Failed to parse all date components from timezone '${e}'. This may indicate an invalid date or timezone configuration. Parsed components: ${JSON.stringify(r)}`);
  let a = s3.getTime() - H;
  return (a < -S || a < S && r.month === 12) && (r.year = 1 - r.year), r.hour === 24 && (r.hour = 0), { y: r.year, m: r.month, d: r.day, h: r.hour, i: r.minute, s: r.second, tz: e };
}
function T(s3, e, t, n, r, a, i) {
  return { y: s3, m: e, d: t, h: n, i: r, s: a, tz: i };
}
var x = [1, 2, 4, 8, 16];
var C = class s {
  pattern;
  timezone;
  mode;
  alternativeWeekdays;
  sloppyRanges;
  fixedTimeRule;
  second;
  minute;
  hour;
  day;
  month;
  dayOfWeek;
  year;
  lastDayOfMonth;
  lastWeekday;
  nearestWeekdays;
  starDOM;
  starDOW;
  starYear;
  useAndLogic;
  isFixedTime;
  constructor(e, t, n) {
    this.pattern = e, this.timezone = t, this.mode = n?.mode ?? "auto", this.alternativeWeekdays = n?.alternativeWeekdays ?? false, this.sloppyRanges = n?.sloppyRanges ?? false, this.fixedTimeRule = n?.fixedTimeRule ?? "single-value", this.second = Array(60).fill(0), this.minute = Array(60).fill(0), this.hour = Array(24).fill(0), this.day = Array(31).fill(0), this.month = Array(12).fill(0), this.dayOfWeek = Array(7).fill(0), this.year = [], this.lastDayOfMonth = false, this.lastWeekday = false, this.nearestWeekdays = Array(31).fill(0), this.starDOM = false, this.starDOW = false, this.starYear = false, this.useAndLogic = false, this.isFixedTime = false, this.parse();
  }
  parse() {
    if (!(typeof this.pattern == "string" || this.pattern instanceof String)) throw new TypeError("CronPattern: Pattern has to be of type string.");
    this.pattern.indexOf("@") >= 0 && (this.pattern = this.handleNicknames(this.pattern).trim());
    let e = this.pattern.match(/\S+/g) || [""], t = e.length;
    if (e.length < 5 || e.length > 7) throw new TypeError("CronPattern: invalid configuration format ('" + this.pattern + "'), exactly five, six, or seven space separated parts are required.");
    if (this.mode !== "auto") {
      let i;
      switch (this.mode) {
        case "5-part":
          i = 5;
          break;
        case "6-part":
          i = 6;
          break;
        case "7-part":
          i = 7;
          break;
        case "5-or-6-parts":
          i = [5, 6];
          break;
        case "6-or-7-parts":
          i = [6, 7];
          break;
        default:
          i = 0;
      }
      if (!(Array.isArray(i) ? i.includes(t) : t === i)) {
        let u = Array.isArray(i) ? i.join(" or ") : i.toString();
        throw new TypeError(`CronPattern: mode '${this.mode}' requires exactly ${u} parts, but pattern '${this.pattern}' has ${t} parts.`);
      }
    }
    if (e.length === 5 && e.unshift("0"), e.length === 6 && e.push("*"), this.pattern.indexOf("?") >= 0) for (let i = 0; i < e.length; i++) e[i] = e[i].replace(/\?/g, "*");
    if (e[3].toUpperCase() === "LW") this.lastWeekday = true, e[3] = "";
    else if (e[3].toUpperCase().indexOf("L") >= 0) {
      let i = e[3].split(",");
      if (i.length > 1 && i.some((o) => o.toUpperCase() === "LW")) throw new TypeError(`CronPattern: Syntax error, LW can not be in a list in day-of-month ('${e[3]}').`);
      if (i.some((o) => o === "" || o.toUpperCase() !== "L" && /l/i.test(o))) throw new TypeError("CronPattern: Syntax error, L has to be a value of its own in day-of-month ('" + e[3] + "').");
      e[3] = i.filter((o) => o.toUpperCase() !== "L").join(","), this.lastDayOfMonth = true;
    }
    if (e[3] == "*" && (this.starDOM = true), e[6] == "*" && (this.starYear = true), e[4].length >= 3 && (e[4] = this.replaceAlpha(e[4], s.MONTH_NAMES)), e[5].length >= 3 && (e[5] = this.alternativeWeekdays ? this.replaceAlpha(e[5], s.DAY_NAMES_QUARTZ) : this.replaceAlpha(e[5], s.DAY_NAMES)), e[5].startsWith("+") && (this.useAndLogic = true, e[5] = e[5].substring(1), e[5] === "")) throw new TypeError("CronPattern: Day-of-week field cannot be empty after '+' modifier.");
    switch (e[5] == "*" && (this.starDOW = true), this.mode) {
      case "5-part":
        e[0] = "0", e[6] = "*";
        break;
      case "6-part":
        e[6] = "*";
        break;
      case "5-or-6-parts":
        e[6] = "*";
        break;
      case "6-or-7-parts":
        break;
      case "7-part":
      case "auto":
        break;
    }
    this.throwAtIllegalCharacters(e), this.partToArray("second", e[0], 0, 1), this.partToArray("minute", e[1], 0, 1), this.partToArray("hour", e[2], 0, 1), this.partToArray("day", e[3], -1, 1), this.partToArray("month", e[4], -1, 1);
    let n = this.alternativeWeekdays ? -1 : 0;
    this.partToArray("dayOfWeek", e[5], n, 63), e[6] === "*" ? this.year = Array(1e4).fill(1) : (this.year = Array(1e4).fill(0), this.partToArray("year", e[6], 0, 1)), !this.alternativeWeekdays && this.dayOfWeek[7] && (this.dayOfWeek[0] = this.dayOfWeek[7]);
    let r = this.fixedTimeRule === "single-value", a = (i, o) => !i.includes("*") && !i.includes("/") && (!r || o.filter((u) => u).length === 1);
    this.isFixedTime = a(e[0], this.second) && a(e[1], this.minute) && a(e[2], this.hour);
  }
  partToArray(e, t, n, r) {
    let a = this[e];
    if (t === "" && !(e === "day" && (this.lastDayOfMonth || this.lastWeekday))) throw new TypeError("CronPattern: configuration entry " + e + " (" + t + ") is empty, check for trailing spaces.");
    if (t === "*") return a.fill(r);
    let i = t.split(",");
    if (i.length > 1) for (let o of i) this.partToArray(e, o, n, r);
    else t.includes("-") && t.includes("/") ? this.handleRangeWithStepping(t, e, n, r) : t.includes("-") ? this.handleRange(t, e, n, r) : t.includes("/") ? this.handleStepping(t, e, n, r) : t !== "" && this.handleNumber(t, e, n, r);
  }
  throwAtIllegalCharacters(e) {
    for (let t = 0; t < e.length; t++) if ((t === 3 ? /[^/*0-9,\-WwLl]+/ : t === 5 ? /[^/*0-9,\-#Ll]+/ : /[^/*0-9,\-]+/).test(e[t])) throw new TypeError("CronPattern: configuration entry " + t + " (" + e[t] + ") contains illegal characters.");
  }
  handleNumber(e, t, n, r) {
    let a = this.extractNth(e, t), i = e.toUpperCase().includes("W");
    if (t !== "day" && i) throw new TypeError("CronPattern: Nearest weekday modifier (W) only allowed in day-of-month.");
    i && (t = "nearestWeekdays");
    let o = i ? a[0].replace(/W$/i, "") : a[0], u = s.toNumber(o) + n;
    if (isNaN(u)) throw new TypeError("CronPattern: " + t + " is not a number: '" + e + "'");
    this.setPart(t, u, a[1] || r);
  }
  setPart(e, t, n) {
    if (!Object.prototype.hasOwnProperty.call(this, e)) throw new TypeError("CronPattern: Invalid part specified: " + e);
    if (e === "dayOfWeek") {
      if (t === 7 && (t = 0), t < 0 || t > 6) throw new RangeError("CronPattern: Invalid value for dayOfWeek: " + t);
      this.setNthWeekdayOfMonth(t, n);
      return;
    }
    if (e === "second" || e === "minute") {
      if (t < 0 || t >= 60) throw new RangeError("CronPattern: Invalid value for " + e + ": " + t);
    } else if (e === "hour") {
      if (t < 0 || t >= 24) throw new RangeError("CronPattern: Invalid value for " + e + ": " + t);
    } else if (e === "day" || e === "nearestWeekdays") {
      if (t < 0 || t >= 31) throw new RangeError("CronPattern: Invalid value for " + e + ": " + t);
    } else if (e === "month") {
      if (t < 0 || t >= 12) throw new RangeError("CronPattern: Invalid value for " + e + ": " + t);
    } else if (e === "year" && (t < 1 || t >= 1e4)) throw new RangeError("CronPattern: Invalid value for " + e + ": " + t + " (supported range: 1-9999)");
    this[e][t] = n;
  }
  static toNumber(e) {
    return /^\d+$/.test(e) ? parseInt(e, 10) : NaN;
  }
  validateNotNaN(e, t) {
    if (isNaN(e)) throw new TypeError(t);
  }
  validateRange(e, t, n, r, a) {
    if (e > t) throw new TypeError("CronPattern: From value is larger than to value: '" + a + "'");
    if (n !== void 0) {
      if (n === 0) throw new TypeError("CronPattern: Syntax error, illegal stepping: 0");
      if (n > this[r].length) throw new TypeError("CronPattern: Syntax error, steps cannot be greater than maximum value of part (" + this[r].length + ")");
    }
  }
  handleRangeWithStepping(e, t, n, r) {
    if (e.toUpperCase().includes("W")) throw new TypeError("CronPattern: Syntax error, W is not allowed in ranges with stepping.");
    let a = this.extractNth(e, t), i = a[0].match(/^(\d+)-(\d+)\/(\d+)$/);
    if (i === null) throw new TypeError("CronPattern: Syntax error, illegal range with stepping: '" + e + "'");
    let [, o, u, l] = i, h = parseInt(o, 10) + n, m = parseInt(u, 10) + n, d = parseInt(l, 10);
    this.validateNotNaN(h, "CronPattern: Syntax error, illegal lower range (NaN)"), this.validateNotNaN(m, "CronPattern: Syntax error, illegal upper range (NaN)"), this.validateNotNaN(d, "CronPattern: Syntax error, illegal stepping: (NaN)"), this.validateRange(h, m, d, t, e);
    for (let p = h; p <= m; p += d) this.setPart(t, p, a[1] || r);
  }
  extractNth(e, t) {
    let n = e, r;
    if (n.includes("#")) {
      if (t !== "dayOfWeek") throw new Error("CronPattern: nth (#) only allowed in day-of-week field");
      let a = n.split("#");
      if (a.length !== 2 || a[1] === "") throw new TypeError("CronPattern: Syntax error, illegal nth weekday: '" + e + "'");
      n = a[0], r = a[1];
    } else if (n.toUpperCase().endsWith("L")) {
      if (t !== "dayOfWeek") throw new Error("CronPattern: L modifier only allowed in day-of-week field (use L alone for day-of-month)");
      r = "L", n = n.slice(0, -1);
    }
    return [n, r];
  }
  handleRange(e, t, n, r) {
    if (e.toUpperCase().includes("W")) throw new TypeError("CronPattern: Syntax error, W is not allowed in a range.");
    let a = this.extractNth(e, t), i = a[0].split("-");
    if (i.length !== 2) throw new TypeError("CronPattern: Syntax error, illegal range: '" + e + "'");
    let o = s.toNumber(i[0]) + n, u = s.toNumber(i[1]) + n;
    this.validateNotNaN(o, "CronPattern: Syntax error, illegal lower range (NaN)"), this.validateNotNaN(u, "CronPattern: Syntax error, illegal upper range (NaN)"), this.validateRange(o, u, void 0, t, e);
    for (let l = o; l <= u; l++) this.setPart(t, l, a[1] || r);
  }
  handleStepping(e, t, n, r) {
    if (e.toUpperCase().includes("W")) throw new TypeError("CronPattern: Syntax error, W is not allowed in parts with stepping.");
    let a = this.extractNth(e, t), i = a[0].split("/");
    if (i.length !== 2) throw new TypeError("CronPattern: Syntax error, illegal stepping: '" + e + "'");
    if (this.sloppyRanges) i[0] === "" && (i[0] = "*");
    else {
      if (i[0] === "") throw new TypeError("CronPattern: Syntax error, stepping with missing prefix ('" + e + "') is not allowed. Use wildcard (*/step) or range (min-max/step) instead.");
      if (i[0] !== "*") throw new TypeError("CronPattern: Syntax error, stepping with numeric prefix ('" + e + "') is not allowed. Use wildcard (*/step) or range (min-max/step) instead.");
    }
    let o = 0;
    i[0] !== "*" && (o = s.toNumber(i[0]) + n, this.validateNotNaN(o, "CronPattern: Syntax error, illegal stepping start (NaN)"));
    let u = s.toNumber(i[1]);
    this.validateNotNaN(u, "CronPattern: Syntax error, illegal stepping: (NaN)"), this.validateRange(0, this[t].length - 1, u, t, e);
    for (let l = o; l < this[t].length; l += u) t === "year" && l === 0 || this.setPart(t, l, a[1] || r);
  }
  replaceAlpha(e, t) {
    let n = e;
    for (let [r, a] of Object.entries(t)) n = n.replace(new RegExp(r, "gi"), (i, o, u) => {
      let l = o + i.length - 3, h = u.charAt(l - 1), m = u.charAt(l + 3);
      if (/[a-z\d/#]/i.test(h) || /[a-km-z\d]/i.test(m)) throw new TypeError(`CronPattern: Syntax error, a month or day name has to stand alone ('${e}').`);
      return a;
    });
    return n;
  }
  static DAY_NAMES = { "-sun": "-7", sun: "0", mon: "1", tue: "2", wed: "3", thu: "4", fri: "5", sat: "6" };
  static DAY_NAMES_QUARTZ = { sun: "1", mon: "2", tue: "3", wed: "4", thu: "5", fri: "6", sat: "7" };
  static MONTH_NAMES = { jan: "1", feb: "2", mar: "3", apr: "4", may: "5", jun: "6", jul: "7", aug: "8", sep: "9", oct: "10", nov: "11", dec: "12" };
  static NICKNAME_MAP = { "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * SUN", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *" };
  handleNicknames(e) {
    let t = e.trim().toLowerCase();
    if (t === "@reboot") throw new TypeError("CronPattern: @reboot is not supported in this environment. This is an event-based trigger that requires system startup detection.");
    return s.NICKNAME_MAP[t] || e;
  }
  setNthWeekdayOfMonth(e, t) {
    if (typeof t != "number" && t.toUpperCase() === "L") this.dayOfWeek[e] = this.dayOfWeek[e] | 32;
    else if (t === 63) this.dayOfWeek[e] = 63;
    else if (t < 6 && t > 0) this.dayOfWeek[e] = this.dayOfWeek[e] | x[t - 1];
    else throw new TypeError(`CronPattern: nth weekday out of range, should be 1-5 or L. Value: ${t}, Type: ${typeof t}`);
  }
};
var B = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var f = [["month", "year", 0], ["day", "month", -1], ["hour", "day", 0], ["minute", "hour", 0], ["second", "minute", 0]];
var c = class s2 {
  tz;
  instantMs;
  instantFields;
  ms;
  second;
  minute;
  hour;
  day;
  month;
  year;
  constructor(e, t) {
    if (this.tz = t, e && e instanceof Date) if (!isNaN(e)) this.fromDate(e);
    else throw new TypeError("CronDate: Invalid date passed to CronDate constructor");
    else if (e == null) this.fromDate(/* @__PURE__ */ new Date());
    else if (e && typeof e == "string") this.fromString(e);
    else if (e instanceof s2) this.fromCronDate(e);
    else throw new TypeError("CronDate: Invalid type (" + typeof e + ") passed to CronDate constructor");
  }
  getLastDayOfMonth(e, t) {
    return t !== 1 ? B[t] : new Date(g(e, t + 1, 0)).getUTCDate();
  }
  getLastWeekday(e, t) {
    let n = this.getLastDayOfMonth(e, t), a = new Date(g(e, t, n)).getUTCDay();
    return a === 0 ? n - 2 : a === 6 ? n - 1 : n;
  }
  getNearestWeekday(e, t, n) {
    let r = this.getLastDayOfMonth(e, t);
    if (n > r) return -1;
    let i = new Date(g(e, t, n)).getUTCDay();
    return i === 0 ? n === r ? n - 2 : n + 1 : i === 6 ? n === 1 ? n + 2 : n - 1 : n;
  }
  isNthWeekdayOfMonth(e, t, n, r) {
    let i = new Date(g(e, t, n)).getUTCDay(), o = 0;
    for (let u = 1; u <= n; u++) new Date(g(e, t, u)).getUTCDay() === i && o++;
    if (r & 63 && x[o - 1] & r) return true;
    if (r & 32) {
      let u = this.getLastDayOfMonth(e, t);
      for (let l = n + 1; l <= u; l++) if (new Date(g(e, t, l)).getUTCDay() === i) return false;
      return true;
    }
    return false;
  }
  fromDate(e) {
    if (this.tz !== void 0) if (typeof this.tz == "number") this.ms = e.getUTCMilliseconds(), this.second = e.getUTCSeconds(), this.minute = e.getUTCMinutes() + this.tz, this.hour = e.getUTCHours(), this.day = e.getUTCDate(), this.month = e.getUTCMonth(), this.year = e.getUTCFullYear(), this.apply();
    else try {
      let t = y(e, this.tz);
      this.ms = e.getMilliseconds(), this.second = t.s, this.minute = t.i, this.hour = t.h, this.day = t.d, this.month = t.m - 1, this.year = t.y, this.cacheInstant(e.getTime() - this.ms);
    } catch (t) {
      let n = t instanceof Error ? t.message : String(t);
      throw new TypeError(`CronDate: Failed to convert date to timezone '${this.tz}'. This may happen with invalid timezone names or dates. Original error: ${n}`);
    }
    else this.ms = e.getMilliseconds(), this.second = e.getSeconds(), this.minute = e.getMinutes(), this.hour = e.getHours(), this.day = e.getDate(), this.month = e.getMonth(), this.year = e.getFullYear(), this.cacheInstant(e.getTime() - this.ms);
  }
  cacheInstant(e) {
    this.instantMs = e;
    let { year: t, month: n, day: r, hour: a, minute: i, second: o } = this;
    this.instantFields = [t, n, r, a, i, o, this.tz];
  }
  cachedInstant() {
    let e = this.instantFields;
    if (!(e === void 0 || e[6] !== this.tz) && !(e[5] !== this.second || e[4] !== this.minute || e[3] !== this.hour) && !(e[2] !== this.day || e[1] !== this.month || e[0] !== this.year)) return this.instantMs;
  }
  fromCronDate(e) {
    this.tz = e.tz, this.year = e.year, this.month = e.month, this.day = e.day, this.hour = e.hour, this.minute = e.minute, this.second = e.second, this.ms = e.ms, this.instantMs = e.instantMs, this.instantFields = e.instantFields;
  }
  apply() {
    if (this.month > 11 || this.month < 0 || this.day > this.getLastDayOfMonth(this.year, this.month) || this.day < 1 || this.hour > 23 || this.minute > 59 || this.second > 59 || this.hour < 0 || this.minute < 0 || this.second < 0) {
      let e = /* @__PURE__ */ new Date(0);
      return e.setUTCFullYear(this.year, this.month, this.day), e.setUTCHours(this.hour, this.minute, this.second, this.ms), this.ms = e.getUTCMilliseconds(), this.second = e.getUTCSeconds(), this.minute = e.getUTCMinutes(), this.hour = e.getUTCHours(), this.day = e.getUTCDate(), this.month = e.getUTCMonth(), this.year = e.getUTCFullYear(), true;
    } else return false;
  }
  fromString(e) {
    if (typeof this.tz == "number") {
      if (O(e)) return this.fromDate(v(e));
      let t = v(e, "Etc/UTC");
      this.ms = t.getUTCMilliseconds(), this.second = t.getUTCSeconds(), this.minute = t.getUTCMinutes(), this.hour = t.getUTCHours(), this.day = t.getUTCDate(), this.month = t.getUTCMonth(), this.year = t.getUTCFullYear(), this.apply();
    } else return this.fromDate(v(e, this.tz));
  }
  findNext(e, t, n, r) {
    return this._findMatch(e, t, n, r, 1);
  }
  _matchDayValue(e, t, n, r) {
    let a = e;
    if (!a) {
      for (let i = 0; i < n.nearestWeekdays.length; i++) if (n.nearestWeekdays[i]) {
        let o = this.getNearestWeekday(this.year, this.month, i + 1);
        if (o !== -1 && o === t) {
          a = 1;
          break;
        }
      }
    }
    if (n.lastWeekday) {
      let i = this.getLastWeekday(this.year, this.month);
      t === i && (a = 1);
    }
    if (n.lastDayOfMonth) {
      let i = this.getLastDayOfMonth(this.year, this.month);
      t === i && (a = 1);
    }
    if (!n.starDOW) {
      let i = new Date(g(this.year, this.month, 1, 0, 0, 0, 0)).getUTCDay(), o = n.dayOfWeek[(i + (t - 1)) % 7];
      o && o & 63 && (o = this.isNthWeekdayOfMonth(this.year, this.month, t, o) ? 1 : 0), n.useAndLogic ? a = a && o : !r.domAndDow && !n.starDOM ? a = a || o : a = a && o;
    }
    return a;
  }
  _findMatch(e, t, n, r, a) {
    let i = this[t], o = t === "day" ? this.getLastDayOfMonth(this.year, this.month) : 0, u = this[t] + r, l = a === 1 ? (h) => h < n[t].length : (h) => h >= 0;
    for (let h = u; l(h); h += a) {
      let m = n[t][h];
      if (t === "day") {
        if (h - r > o) continue;
        m = this._matchDayValue(m, h - r, n, e);
      }
      if (m) return this[t] = h - r, i !== this[t] ? 2 : 1;
    }
    return 3;
  }
  recurse(e, t, n) {
    let r = this.year, a = n;
    for (; typeof a == "number"; ) {
      if (e.starYear && Math.abs(this.year - r) > 400) return null;
      a = this.recurseStep(e, t, a);
    }
    return a;
  }
  recurseStep(e, t, n) {
    if (n === 0 && !e.starYear) {
      if (this.year >= 0 && this.year < e.year.length && e.year[this.year] === 0) {
        let a = -1;
        for (let i = this.year + 1; i < e.year.length && i < 1e4; i++) if (e.year[i] === 1) {
          a = i;
          break;
        }
        if (a === -1) return null;
        this.year = a, this.month = 0, this.day = 1, this.hour = 0, this.minute = 0, this.second = 0, this.ms = 0;
      }
      if (this.year >= 1e4) return null;
    }
    let r = this.findNext(t, f[n][0], e, f[n][2]);
    if (r > 1) {
      let a = n + 1;
      for (; a < f.length; ) this[f[a][0]] = -f[a][2], a++;
      if (r === 3) {
        if (this[f[n][1]]++, this[f[n][0]] = -f[n][2], this.apply(), n === 0 && !e.starYear) {
          for (; this.year >= 0 && this.year < e.year.length && e.year[this.year] === 0 && this.year < 1e4; ) this.year++;
          if (this.year >= 1e4 || this.year >= e.year.length) return null;
        }
        return 0;
      } else if (this.apply()) return n - 1;
    }
    return n += 1, n >= f.length ? this : (e.starYear ? this.year >= 3e3 : this.year >= 1e4) ? null : n;
  }
  increment(e, t, n) {
    return this.instantMs = void 0, this.instantFields = void 0, this.second += t.interval !== void 0 && t.interval > 1 && n ? t.interval : 1, this.ms = 0, this.apply(), this.recurse(e, t, 0);
  }
  decrement(e, t, n = true) {
    this.instantMs = void 0, this.instantFields = void 0;
    let r = t.interval !== void 0 && t.interval >= 1;
    return (this.ms === 0 || r) && (this.second -= r && n ? t.interval : 1), this.ms = 0, this.apply(), this.year < 1 ? null : this.recurseBackward(e, t, 0);
  }
  recurseBackward(e, t, n) {
    let r = this.year, a = n;
    for (; typeof a == "number"; ) {
      if (e.starYear && Math.abs(this.year - r) > 400) return null;
      a = this.recurseBackwardStep(e, t, a);
    }
    return a;
  }
  recurseBackwardStep(e, t, n) {
    if (n === 0 && !e.starYear) {
      if (this.year >= 0 && this.year < e.year.length && e.year[this.year] === 0) {
        let a = -1;
        for (let i = this.year - 1; i >= 0; i--) if (e.year[i] === 1) {
          a = i;
          break;
        }
        if (a === -1) return null;
        this.year = a, this.month = 11, this.day = 31, this.hour = 23, this.minute = 59, this.second = 59, this.ms = 0;
      }
      if (this.year < 1) return null;
    }
    let r = this.findPrevious(t, f[n][0], e, f[n][2]);
    if (r > 1) {
      let a = n + 1;
      for (; a < f.length; ) {
        let i = f[a][0], o = f[a][2], u = this.getMaxPatternValue(i, e, o);
        this[i] = u, a++;
      }
      if (r === 3) {
        if (this[f[n][1]]--, n === 0) {
          let u = this.getLastDayOfMonth(this.year, this.month);
          this.day > u && (this.day = u);
        }
        if (n === 1) if (this.day <= 0) this.day = 1;
        else {
          let u = this.year, l = this.month;
          for (; l < 0; ) l += 12, u--;
          for (; l > 11; ) l -= 12, u++;
          let h = this.getLastDayOfMonth(u, l);
          this.day > h && (this.day = h);
        }
        this.apply();
        let i = f[n][0], o = f[n][2];
        if (this[i] = this.getMaxPatternValue(i, e, o), this.apply(), n === 0) {
          let u = f[1][2], l = this.getMaxPatternValue("day", e, u);
          l !== this.day && (this.day = l, this.hour = this.getMaxPatternValue("hour", e, f[2][2]), this.minute = this.getMaxPatternValue("minute", e, f[3][2]), this.second = this.getMaxPatternValue("second", e, f[4][2]));
        }
        if (n === 0 && !e.starYear) {
          for (; this.year >= 0 && this.year < e.year.length && e.year[this.year] === 0; ) this.year--;
          if (this.year < 1) return null;
        }
        return 0;
      } else if (this.apply()) return n - 1;
    }
    return n += 1, n >= f.length ? this : this.year < 1 ? null : n;
  }
  getMaxPatternValue(e, t, n) {
    let r = t[e].length - 1 - n;
    for (let a = t[e].length - 1; a >= 0; a--) if (t[e][a]) {
      r = a - n;
      break;
    }
    if (e === "day") {
      let a = this.getLastDayOfMonth(this.year, this.month);
      return t.lastWeekday || t.nearestWeekdays.some((i) => i) || t.lastDayOfMonth || !t.starDOW ? a : Math.min(r, a);
    }
    return r;
  }
  findPrevious(e, t, n, r) {
    return this._findMatch(e, t, n, r, -1);
  }
  getDate(e) {
    if (!e && typeof this.tz != "number") {
      let t = this.cachedInstant();
      if (t !== void 0) return new Date(t + (this.tz === void 0 ? this.ms : 0));
    }
    if (e || this.tz === void 0) {
      if (this.year >= 0 && this.year < 100) {
        let t = /* @__PURE__ */ new Date(0);
        return t.setFullYear(this.year, this.month, this.day), t.setHours(this.hour, this.minute, this.second, this.ms), t;
      }
      return new Date(this.year, this.month, this.day, this.hour, this.minute, this.second, this.ms);
    } else return typeof this.tz == "number" ? new Date(g(this.year, this.month, this.day, this.hour, this.minute - this.tz, this.second, this.ms)) : N(T(this.year, this.month + 1, this.day, this.hour, this.minute, this.second, this.tz), false);
  }
  getTime() {
    return this.getDate(false).getTime();
  }
  match(e, t) {
    if (!e.starYear && (this.year < 0 || this.year >= e.year.length || e.year[this.year] === 0)) return false;
    for (let n = 0; n < f.length; n++) {
      let r = f[n][0], a = f[n][2], i = this[r];
      if (i + a < 0 || i + a >= e[r].length) return false;
      let o = e[r][i + a];
      if (r === "day" && (o = this._matchDayValue(o, i, e, t)), !o) return false;
    }
    return true;
  }
};
function F(s3) {
  s3 === void 0 && (s3 = {}), delete s3.name, s3.legacyMode !== void 0 && s3.domAndDow === void 0 ? s3.domAndDow = !s3.legacyMode : s3.domAndDow === void 0 && (s3.domAndDow = false), s3.legacyMode = !s3.domAndDow;
  let e = (n, r) => n === void 0 ? r : n;
  if (s3.paused = e(s3.paused, false), s3.maxRuns = e(s3.maxRuns, 1 / 0), s3.catch = e(s3.catch, false), s3.unref = e(s3.unref, false), s3.mode = e(s3.mode, "auto"), s3.alternativeWeekdays = e(s3.alternativeWeekdays, false), s3.sloppyRanges = e(s3.sloppyRanges, false), s3.fixedTimeRule = e(s3.fixedTimeRule, "single-value"), s3.allowPast = e(s3.allowPast, false), s3.interval = s3.interval === void 0 ? 0 : parseInt(s3.interval.toString(), 10), s3.utcOffset = s3.utcOffset === void 0 ? void 0 : parseInt(s3.utcOffset.toString(), 10), s3.dayOffset = s3.dayOffset === void 0 ? 0 : parseInt(s3.dayOffset.toString(), 10), !["auto", "5-part", "6-part", "7-part", "5-or-6-parts", "6-or-7-parts"].includes(s3.mode)) throw new Error("CronOptions: mode must be one of 'auto', '5-part', '6-part', '7-part', '5-or-6-parts', or '6-or-7-parts'.");
  if (!["single-value", "no-wildcard"].includes(s3.fixedTimeRule)) throw new Error("CronOptions: fixedTimeRule must be one of 'single-value' or 'no-wildcard'.");
  s3.timezone === "" && (s3.timezone = void 0);
  let t = s3.timezone ?? s3.utcOffset;
  if (s3.startAt && (s3.startAt = I(new c(s3.startAt, t))), s3.stopAt && (s3.stopAt = I(new c(s3.stopAt, t))), s3.interval !== null) {
    if (isNaN(s3.interval)) throw new Error("CronOptions: Supplied value for interval is not a number");
    if (s3.interval < 0) throw new Error("CronOptions: Supplied value for interval can not be negative");
  }
  if (s3.utcOffset !== void 0) {
    if (isNaN(s3.utcOffset)) throw new Error("CronOptions: Invalid value passed for utcOffset, should be number representing minutes offset from UTC.");
    if (s3.utcOffset < -870 || s3.utcOffset > 870) throw new Error("CronOptions: utcOffset out of bounds.");
    if (s3.utcOffset !== void 0 && s3.timezone) throw new Error("CronOptions: Combining 'utcOffset' with 'timezone' is not allowed.");
  }
  if (s3.unref !== true && s3.unref !== false) throw new Error("CronOptions: Unref should be either true, false or undefined(false).");
  if (s3.dayOffset !== void 0 && s3.dayOffset !== 0 && isNaN(s3.dayOffset)) throw new Error("CronOptions: Invalid value passed for dayOffset, should be a number representing days to offset.");
  return s3;
}
function I(s3) {
  return s3.ms ? (s3.ms = 0, new c(new Date(s3.getTime() + 1e3), s3.tz)) : s3;
}
function b(s3) {
  return typeof s3 == "function";
}
function L(s3) {
  return b(s3);
}
function Y(s3) {
  typeof Deno < "u" && typeof Deno.unrefTimer < "u" ? Deno.unrefTimer(s3) : s3 && typeof s3.unref < "u" && s3.unref();
}
var P = 1440 * 60 * 1e3;
var $ = 30 * 1e3;
var M = [];
var j = class {
  name;
  options;
  _states;
  fn;
  _startAtRoundingMs = 0;
  getTz() {
    return this.options.timezone ?? this.options.utcOffset;
  }
  applyDayOffset(e) {
    let t = this._offsetMs();
    return t ? new Date(e.getTime() + t) : e;
  }
  _offsetMs() {
    return (this.options.dayOffset ?? 0) * P;
  }
  get _startAt() {
    return this.options.startAt;
  }
  get _stopAt() {
    return this.options.stopAt;
  }
  _nextTarget(e, t) {
    let n = this._offsetMs(), r = this._next(this._shift(e), new Date(t.getTime() - n), { startAt: this._shift(this._startAt), stopAt: this._shift(this._stopAt) });
    return r ? this.applyDayOffset(r.getDate(false)) : null;
  }
  _previousTarget(e, t) {
    let n = this._toMs(e ?? t) - this._offsetMs(), r = this._previous(new Date(n), { startAt: this._shift(this._startAt), stopAt: this._shift(this._stopAt) });
    return r ? this.applyDayOffset(r.getDate(false)) : null;
  }
  _shift(e) {
    if (e != null) return new c(new Date(this._toMs(e) - this._offsetMs()), this.getTz());
  }
  constructor(e, t, n) {
    let r, a;
    if (b(t)) a = t;
    else if (typeof t == "object") r = t;
    else if (t !== void 0) throw new Error("Cron: Invalid argument passed for optionsIn. Should be one of function, or object (options).");
    if (b(n)) a = n;
    else if (typeof n == "object") r = n;
    else if (n !== void 0) throw new Error("Cron: Invalid argument passed for funcIn. Should be one of function, or object (options).");
    this.name = r?.name;
    let i = r?.startAt;
    this.options = F(r), i && this._startAt && (this._startAtRoundingMs = this._startAt.getTime() - new c(i, this.getTz()).getTime());
    let o = !!e && (e instanceof Date || typeof e == "string" && e.indexOf(":") > 0);
    if (this._states = { kill: false, blocking: false, previousRun: void 0, currentRun: void 0, once: void 0, currentTimeout: void 0, maxRuns: r ? r.maxRuns : void 0, paused: r ? r.paused : false, pattern: o ? new C("* * * * *", void 0, { mode: "auto" }) : new C(e, this.options.timezone, { mode: this.options.mode, alternativeWeekdays: this.options.alternativeWeekdays, sloppyRanges: this.options.sloppyRanges, fixedTimeRule: this.options.fixedTimeRule }) }, o && (this._states.once = new c(e, this.getTz())), this.name) {
      if (M.find((l) => l.name === this.name)) throw new Error("Cron: Tried to initialize new named job '" + this.name + "', but name already taken.");
      M.push(this);
    }
    return a !== void 0 && L(a) && (this.fn = a, this.schedule()), this;
  }
  nextRun(e) {
    return this._nextTarget(e, /* @__PURE__ */ new Date());
  }
  nextRuns(e, t) {
    this._states.maxRuns !== void 0 && e > this._states.maxRuns && (e = this._states.maxRuns);
    let n = t || this._states.currentRun || void 0;
    return this._enumerateRuns(e, n, "next");
  }
  previousRuns(e, t) {
    return this._enumerateRuns(e, t || void 0, "previous");
  }
  enumerate(e) {
    return new A(this, e);
  }
  _enumerateRuns(e, t, n) {
    let r = [], a = /* @__PURE__ */ new Date(), i = t;
    for (; e-- > 0; ) {
      let o = n === "next" ? this._nextTarget(i, a) : this._previousTarget(i, a);
      if (!o) break;
      r.push(o), i = o;
    }
    return r;
  }
  match(e) {
    if (this._states.once) {
      let n = new c(e, this.getTz());
      n.ms = 0;
      let r = new c(this._states.once, this.getTz());
      return r.ms = 0, n.getTime() === r.getTime();
    }
    let t = new c(e, this.getTz());
    return t.ms = 0, t.match(this._states.pattern, this.options);
  }
  getPattern() {
    if (!this._states.once) return this._states.pattern ? this._states.pattern.pattern : void 0;
  }
  getOnce() {
    return this._states.once ? this._states.once.getDate() : null;
  }
  isRunning() {
    return !this._states.paused && !this._states.kill && this.fn !== void 0 && this._nextTarget(this._states.currentRun, /* @__PURE__ */ new Date()) !== null;
  }
  isStopped() {
    return this._states.kill;
  }
  isBusy() {
    return this._states.blocking;
  }
  currentRun() {
    return this._states.currentRun ? this._states.currentRun.getDate() : null;
  }
  previousRun() {
    return this._states.previousRun ? this._states.previousRun.getDate() : null;
  }
  msToNext(e) {
    let t = /* @__PURE__ */ new Date(), n = this._nextTarget(e, t);
    return n ? n.getTime() - this._toMs(e ?? t) : null;
  }
  stop() {
    this._states.kill = true, this._states.currentTimeout && clearTimeout(this._states.currentTimeout);
    let e = M.indexOf(this);
    e >= 0 && M.splice(e, 1);
  }
  pause() {
    return this._states.paused = true, !this._states.kill;
  }
  resume() {
    return this._states.paused = false, !this._states.kill;
  }
  schedule(e) {
    return this._schedule(e);
  }
  _schedule(e, t) {
    if (e && this.fn) throw new Error("Cron: It is not allowed to schedule two functions using the same Croner instance.");
    e && (this.fn = e);
    let n = t ?? /* @__PURE__ */ new Date(), r = this._nextTarget(void 0, n), a = r ? r.getTime() - n.getTime() : null, i = this._states.currentRun;
    i && i.getTime() > n.getTime() && (i = void 0);
    let o = this._nextTarget(i, n);
    return a === null || isNaN(a) || o === null ? this : (a > $ && (a = $), a < 0 && (a = this._states.paused ? 1e3 : 0), this._states.currentTimeout = setTimeout(() => this._checkTrigger(o), a), this._states.currentTimeout && this.options.unref && Y(this._states.currentTimeout), this);
  }
  async _trigger(e = /* @__PURE__ */ new Date()) {
    this._states.blocking = true, this._states.currentRun = new c(e, this.getTz());
    try {
      if (this.options.catch) try {
        this.fn !== void 0 && await this.fn(this, this.options.context);
      } catch (t) {
        if (b(this.options.catch)) try {
          Promise.resolve(this.options.catch(t, this)).catch(() => {
          });
        } catch {
        }
      }
      else this.fn !== void 0 && await this.fn(this, this.options.context);
    } finally {
      this._states.previousRun = new c(e, this.getTz()), this._states.blocking = false;
    }
  }
  async trigger() {
    await this._trigger();
  }
  runsLeft() {
    return this._states.maxRuns;
  }
  _checkTrigger(e) {
    let t = /* @__PURE__ */ new Date(), n = !this._states.paused && t.getTime() >= e.getTime(), r = this._states.blocking && this.options.protect;
    n && !r ? (this._states.maxRuns !== void 0 && this._states.maxRuns--, this._trigger(t)) : n && r && b(this.options.protect) && setTimeout(() => this.options.protect(this), 0), this._schedule(void 0, n ? void 0 : t);
  }
  _next(e, t, n) {
    let r = n ? n.startAt : this._startAt, a = n ? n.stopAt : this._stopAt, i = !!e, o = !!(e || this._states.currentRun), u = false;
    !e && r && this.options.interval && (e = this._calculatePreviousRun(r, t), e && (o = true), u = !e);
    let l = e ?? t ?? /* @__PURE__ */ new Date(), h = this._toMs(l);
    e = new c(l, this.getTz()), r && h < r.getTime() && (e = u ? r : new c(new Date(r.getTime() - 1e3), this.getTz()), h = e.getTime());
    let m = this._states.once || new c(e, this.getTz());
    if (!u && m !== this._states.once && (m = this._findOccurrence(e, h, 1, o)), this._states.once) {
      let d = this._states.once.getTime(), p = h - d;
      if (r && d < r.getTime() - this._startAtRoundingMs || this._states.currentRun && this.applyDayOffset(this._states.once.getDate()).getTime() <= this._states.currentRun.getTime() || (i ? p >= 0 : p > 1e3 && !this.options.allowPast)) return null;
    }
    return m === null || this._states.maxRuns !== void 0 && this._states.maxRuns <= 0 || this._states.kill || a && m.getTime() >= a.getTime() ? null : m;
  }
  _previous(e, t) {
    let n = this._toMs(e ?? /* @__PURE__ */ new Date());
    if (t.stopAt && n > t.stopAt.getTime() && (n = t.stopAt.getTime()), this._states.once) return this._states.once.getTime() < n ? this._states.once : null;
    let r = this._findOccurrence(new c(new Date(n), this.getTz()), n, -1);
    return r === null || t.startAt && r.getTime() < t.startAt.getTime() ? null : r;
  }
  _toMs(e) {
    if (e instanceof Date) return e.getTime();
    let t = new c(e, this.getTz());
    return t.getTime() + (typeof t.tz == "string" ? t.ms : 0);
  }
  _findOccurrence(e, t, n, r = false) {
    let a = this.options.interval ?? 0;
    if (a > 1 && (n === -1 || r)) {
      t += (a - 1) * 1e3 * n;
      let m = new Date(t);
      if (isNaN(m.getTime()) || (e = new c(m, this.getTz()), !(e.year >= 1 && e.year <= 9999))) return null;
      r = false;
    }
    let i = this._walk(e, t, n, r), o = this.getTz();
    if (this._states.pattern.isFixedTime && n === 1 || typeof o == "number" || U(t, o) !== (n === 1 ? "earlier" : "later")) return i;
    let u = Math.floor(t / 1e3) * 1e3, l = n === 1 ? k(u, u + P, o) : k(u - P, u, o) - 1e3;
    if (i && (l - i.getTime()) * n > 0) return i;
    let h = this._walk(new c(new Date(l), o), l - n, n, false, true);
    return !i || !h ? i ?? h : (i.getTime() - h.getTime()) * n > 0 ? h : i;
  }
  _walk(e, t, n, r, a = false) {
    let i = this._states.pattern, o = (l, h) => n === 1 ? l.increment(i, this.options, h) : l.decrement(i, this.options, h), u = new c(e, this.getTz());
    for ((!a || !u.match(i, this.options)) && (u = o(u, r)); u; ) {
      let l = this._runAt(u, t, n);
      if (l) return new c(l, this.getTz());
      u = o(u, false);
    }
    return null;
  }
  _runAt(e, t, n) {
    let r = (d) => (d.getTime() - t) * n > 0, a = e.tz;
    if (typeof a == "number") {
      let d = e.getDate();
      return r(d) ? d : null;
    }
    let i = T(e.year, e.month + 1, e.day, e.hour, e.minute, e.second, a), o = _(i), u = this._states.pattern.isFixedTime;
    if (o.kind === "single") return r(o.date) ? o.date : null;
    if (o.kind === "ambiguous") {
      let { earlier: d, later: p } = o;
      return (u ? [d] : n === 1 ? [d, p] : [p, d]).find(r) ?? null;
    }
    if (!u) return null;
    let l = new Date(k(o.before.getTime(), o.after.getTime(), a)), h = y(l, a);
    return h.y === i.y && h.m === i.m && h.d === i.d && r(l) ? l : null;
  }
  _calculatePreviousRun(e, t) {
    let n = new c(t, this.getTz()).getTime();
    if (e.getTime() > n) return;
    let r = this.options.interval * 1e3, a = e;
    for (; a.getTime() + r <= n; ) {
      let i = this._findOccurrence(a, a.getTime(), 1, true);
      if (i === null) break;
      a = i;
    }
    return a;
  }
};
var A = class {
  cron;
  cursor;
  now;
  done;
  initialMaxRuns;
  remainingRuns;
  constructor(e, t) {
    this.cron = e, this.initialMaxRuns = e.runsLeft() ?? 1 / 0, this.reset(t);
  }
  next() {
    if (this.done || this.remainingRuns <= 0) return this.done = true, { value: void 0, done: true };
    let e = this.cron._nextTarget(this.cursor, this.now);
    return e === null ? (this.done = true, { value: void 0, done: true }) : (this.cursor = e, this.remainingRuns--, { value: e, done: false });
  }
  peek() {
    return this.done || this.remainingRuns <= 0 ? null : this.cron._nextTarget(this.cursor, this.now);
  }
  reset(e) {
    this.cursor = e instanceof Date ? new Date(e.getTime()) : e ?? void 0, this.now = /* @__PURE__ */ new Date(), this.done = false, this.remainingRuns = this.initialMaxRuns;
  }
  [Symbol.iterator]() {
    return this;
  }
};

// src/report/schedule-display.ts
var DEFAULT_TIME_ZONE = "UTC";
function describeSchedule(cron) {
  try {
    return import_cronstrue.default.toString(cron, { use24HourTimeFormat: true, verbose: false });
  } catch {
    return cron;
  }
}
function nextRuns(cron, timeZone, now, count = 3) {
  try {
    return new j(cron, { timezone: timeZone }).nextRuns(count, now);
  } catch {
    return [];
  }
}
function formatRunTime(date, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23"
    }).formatToParts(date).map((part) => [part.type, part.value])
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

// src/report/jobs-table.ts
var NEXT_RUNS = 3;
function jobsTable(plan, now) {
  const { jobs } = plan.schedule;
  if (jobs.length === 0) return "No scheduled jobs.";
  const zone = plan.schedule.timezone ?? DEFAULT_TIME_ZONE;
  const rows = jobs.map((job) => [
    code(job.name),
    `${escapeText(describeSchedule(job.cron))} (${code(job.cron)})`,
    nextRuns(job.cron, zone, now, NEXT_RUNS).map((run) => formatRunTime(run, zone)).join("<br>") || "\u2014",
    code(job.partition),
    code(job.time),
    job.sbatch.length > 0 ? job.sbatch.map(code).join(" ") : "partition defaults"
  ]);
  const header = ["Job", "Schedule", `Next runs (${zone})`, "Partition", "Time limit", "Resources"];
  const lines = [table(header, rows)];
  if (!plan.schedule.timezone) {
    lines.push(
      "",
      `<sub>Times in ${zone}: Slurm runs schedules in the controller's time zone; name it in \`cluster.timezone\`.</sub>`
    );
  }
  return lines.join("\n");
}

// src/plan/scrontab-entries.ts
function scrontabEntries(table2) {
  const entries = [];
  let name = "";
  for (const raw of table2.split("\n")) {
    const disabled = raw.startsWith(DISABLED_PREFIX);
    const line = (disabled ? raw.slice(DISABLED_PREFIX.length) : raw).replace(/^[ \t]+/, "");
    if (line === "") continue;
    if (line.startsWith("#SCRON")) {
      const words = line.split(/[ \t]+/);
      words.forEach((word, i) => {
        const next = words[i + 1];
        if (word.startsWith("--job-name=")) name = word.slice("--job-name=".length);
        else if ((word === "-J" || word === "--job-name") && next !== void 0) name = next;
        else if (/^-J./.test(word)) name = word.slice(2);
      });
      continue;
    }
    if (line.startsWith("#") || /^[A-Za-z_][A-Za-z0-9_]*[ \t]*=/.test(line)) continue;
    entries.push({ state: disabled ? "disabled" : "live", name: name === "" ? "-" : name, line });
    name = "";
  }
  return entries;
}

// src/report/schedule-notes.ts
var SCRONTAB_PATH = `${RENDERED_DIR}/scrontab`;
function scheduleNotes(plans, diff) {
  const entries = plans.map((plan) => ({ plan, entries: scrontabEntries(plan.scrontabBlock) }));
  if (entries.every((e) => e.entries.length === 0)) return void 0;
  const code2 = (text) => `\`${text.replace(/`/g, "'")}\``;
  const where = (plan) => `${code2(plan.branch)} \u2192 ${plan.environment}`;
  const lines = [];
  for (const { plan, entries: list } of entries) {
    for (const entry of list.filter((e) => e.state === "disabled")) {
      lines.push(
        `- ${code2(entry.name)} of ${where(plan)} is **off** (\`enabled: false\`): its entry is in the block as \`#DISABLED:\`, so Slurm does not run it.`
      );
    }
  }
  const changed = diff.deployments.filter(
    (d) => d.files.some((f2) => f2.path === SCRONTAB_PATH && f2.status !== "unchanged")
  );
  const resubmitted = entries.flatMap(
    (e) => e.entries.filter((entry) => entry.state === "live").map((entry) => entry.name)
  );
  for (const deployment of changed) {
    if (deployment.status === "removed") {
      lines.push(
        `- ${code2(deployment.branch)} is no longer in the config: its jobs stay scheduled on the cluster until \`slurm-gitops remove --branch ${deployment.branch.replace(/`/g, "'")}\` removes the deployment.`
      );
      continue;
    }
    const names = resubmitted.map(code2).join(", ");
    lines.push(
      `- Deploying ${code2(deployment.branch)} installs a changed scrontab block. Slurm then drops every cron job of the service account and submits each entry again, with a new job id: ${names || "no entry of these blocks"}, and any entry outside them. A run in progress finishes as a one-off, and its entry next runs at its next scheduled time; the deploy's summary names the jobs that were running.`
    );
  }
  return lines.length > 0 ? ["**Scheduled jobs**", "", ...lines].join("\n") : void 0;
}

// src/report/plan-markdown.ts
var MAX_LISTED_PROBLEMS = 50;
function planMarkdown(plans, validation) {
  const report = {
    base: { kind: "none" },
    head: { kind: "planned", diff: diffPlans(plans, void 0), validation, plans }
  };
  return renderPlanMarkdown(report, {
    limit: Number.POSITIVE_INFINITY,
    scripts: new Map(plans.map((plan) => [plan.branch, composeScript(plan)]))
  });
}
function renderPlanMarkdown(report, options) {
  const fixed = [];
  if (options.marker) fixed.push(options.marker);
  if (options.planRecord && report.head.kind === "planned") fixed.push(planRecordLine(report));
  fixed.push("### slurm-gitops plan", statusLine(report));
  const commits = commitsLine(report);
  if (commits) fixed.push(commits);
  const baseNote = baseNoteOf(report.base);
  if (baseNote) fixed.push(baseNote);
  const optional = [];
  if (report.head.kind === "invalid") {
    fixed.push(
      `Nothing was planned: the config or a template at head is invalid. Fix ${plural(report.head.problems.length, "problem")}:`,
      problemList(report.head.problems)
    );
  } else {
    const { diff, validation, plans } = report.head;
    const { deployed, others } = deployedByMerge(diff, report.targetBranch);
    if (deployed.length > 0) fixed.push(deploymentTable(deployed, report.targetBranch));
    if (others.length > 0) fixed.push(othersLine(others, report.targetBranch));
    fixed.push(validationSection(validation));
    const schedule = scheduleNotes(plans, diff);
    if (schedule) fixed.push(schedule);
    const now = options.now ?? /* @__PURE__ */ new Date();
    for (const deployment of deployed) {
      const plan = plans.find((p) => p.branch === deployment.branch);
      fixed.push(`#### ${deploymentTitle(deployment)}`);
      const venv = venvNote(deployment, plan);
      if (venv) fixed.push(venv);
      if (plan) fixed.push(jobsTable(plan, now));
    }
    for (const deployment of deployed) {
      const changed = deployment.files.filter((f2) => f2.status !== "unchanged");
      if (changed.length === 0) continue;
      optional.push({ text: `**What changes in ${code(deployment.branch)}** (base \u2192 head):` });
      for (const file of changed) optional.push(fileSection(file));
    }
    for (const [branch, script] of options.scripts ?? []) {
      optional.push(
        codeSection(
          `Complete script for <code>${escapeHtml(branch)}</code>, as sent to the cluster`,
          script,
          "bash"
        )
      );
    }
  }
  const footer = report.runUrl ? `<sub>[Workflow run](${report.runUrl}) \xB7 slurm-gitops</sub>` : "<sub>slurm-gitops</sub>";
  return fit(fixed, optional, footer, options);
}
function planRecordLine(report) {
  const plans = report.head.kind === "planned" ? report.head.plans : [];
  return encodePlanRecord({
    head: report.headSha,
    base: report.base.kind === "none" ? void 0 : report.base.sha,
    deployments: Object.fromEntries(plans.map((plan) => [plan.branch, planFingerprint(plan)]))
  });
}
function fit(fixed, optional, footer, options) {
  const join = (parts2) => `${parts2.join("\n\n")}
`;
  const pointerFor = (omitted) => `> [!NOTE]
> ${plural(omitted, "more section")} did not fit here` + (options.fullReportUrl ? `: the full plan is in the [job summary](${options.fullReportUrl}).` : ".");
  const reserve = bytes(pointerFor(optional.length)) + bytes(footer) + 16;
  let parts = [...fixed];
  if (bytes(join(parts)) + reserve > options.limit) {
    parts = [cutText(join(parts), options.limit - reserve), "\u2026 (cut)"];
  }
  let used = bytes(join(parts));
  let index = 0;
  for (; index < optional.length; index++) {
    const section = optional[index];
    const size = bytes(section.text) + 2;
    if (used + size + reserve <= options.limit) {
      parts.push(section.text);
      used += size;
      continue;
    }
    const partial = section.cut?.(options.limit - used - reserve - 2);
    if (partial) {
      parts.push(partial);
      used += bytes(partial) + 2;
      index++;
    }
    break;
  }
  if (index < optional.length) parts.push(pointerFor(optional.length - index));
  parts.push(footer);
  return join(parts);
}
function statusLine(report) {
  if (report.head.kind === "invalid") return "\u274C **The plan failed**: the configuration is invalid.";
  const { diff, validation } = report.head;
  const effect = effectOf(report, diff);
  if (validation.errors.length > 0) {
    return `\u274C **The plan has ${plural(validation.errors.length, "error")}**; ${effect}.`;
  }
  const warnings = validation.warnings.length > 0 ? ` (${plural(validation.warnings.length, "warning")})` : "";
  return `\u2705 **The plan is valid**${warnings}; ${effect}.`;
}
function effectOf(report, diff) {
  if (report.base.kind === "none") return `${plural(diff.deployments.length, "deployment")} planned`;
  const target = report.targetBranch;
  if (target === void 0) {
    const changed = diff.deployments.filter((d) => d.status !== "unchanged").length;
    return changed === 0 ? "nothing that gets deployed changes" : `${changed} of ${plural(diff.deployments.length, "deployment")} change`;
  }
  const [deployment] = deployedByMerge(diff, target).deployed;
  if (!deployment) return `merging into ${code(target)} deploys nothing (no deployment follows that branch)`;
  const what = `merging into ${code(target)} deploys ${escapeText(deployment.environment)}`;
  switch (deployment.status) {
    case "added":
      return `${what}, for the first time`;
    case "removed":
      return `${what}: none any more (its deployment is removed from the config)`;
    case "unchanged":
      return `${what}, with nothing changed but the code`;
    case "changed":
      return `${what}: ${changeCount(deployment)}`;
  }
}
function changeCount(deployment) {
  const changed = deployment.files.filter((f2) => f2.status !== "unchanged");
  const files = changed.filter((f2) => f2.path !== SCRIPT_PATH).length;
  const script = changed.some((f2) => f2.path === SCRIPT_PATH);
  if (files === 0) return script ? "the deploy script changes" : "its root or environment changes";
  return `${plural(files, "file")}${script ? " and the deploy script" : ""} change${files === 1 && !script ? "s" : ""}`;
}
function commitsLine(report) {
  const links = report.links;
  const commit = (sha) => links ? `[${code(short(sha))}](${links.url}/commit/${sha})` : code(short(sha));
  const parts = [];
  if (report.configFile) {
    const file = code(report.configFile);
    parts.push(
      links?.configPath && report.headSha ? `Config [${file}](${links.url}/blob/${report.headSha}/${encodePath(links.configPath)})` : `Config ${file}`
    );
  }
  const baseSha = report.base.kind === "none" ? void 0 : report.base.sha;
  if (baseSha) parts.push(`base ${commit(baseSha)}`);
  if (report.headSha) parts.push(`head ${commit(report.headSha)}`);
  if (links && baseSha && report.headSha) {
    parts.push(`[compare](${links.url}/compare/${baseSha}...${report.headSha})`);
  }
  return parts.length > 0 ? parts.join(" \xB7 ") : void 0;
}
function encodePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function baseNoteOf(base) {
  switch (base.kind) {
    case "absent":
      return `The config did not exist at the base \`${short(base.sha)}\`: every file and script below is new.`;
    case "invalid":
      return `The config at the base \`${short(base.sha)}\` is invalid, so there is nothing to compare with and everything below is shown as added:

${problemList(base.problems)}`;
    case "none":
      return "There is no base commit to compare with: every file and script below is shown as added.";
    case "planned":
      return void 0;
  }
}
function deploymentTable(deployments, targetBranch) {
  const rows = deployments.map((d) => {
    const files = d.files.filter((f2) => f2.path !== SCRIPT_PATH);
    const script = d.files.find((f2) => f2.path === SCRIPT_PATH);
    const count = (status) => files.filter((f2) => f2.status === status).length;
    const branch = `${code(d.branch)}${d.branch === targetBranch ? " (PR target)" : ""}`;
    return [
      branch,
      escapeText(d.environment),
      code(d.root),
      STATUS_LABEL[d.status],
      String(count("changed")),
      String(count("added")),
      String(count("removed")),
      String(count("unchanged")),
      script ? STATUS_LABEL[script.status] : "\u2014"
    ];
  });
  const header = [
    "Deployment",
    "Environment",
    "Root",
    "Status",
    "Changed",
    "Added",
    "Removed",
    "Unchanged",
    "Script"
  ];
  return table(header, rows);
}
function othersLine(others, targetBranch) {
  const names = others.map((d) => `${code(d.branch)} (${escapeText(d.environment)})`).join(", ");
  const into = targetBranch ? ` into ${code(targetBranch)}` : "";
  return `Not deployed by this merge${into}: ${names}; each is deployed by a push to its own branch.`;
}
var STATUS_LABEL = {
  added: "\u{1F195} added",
  removed: "\u{1F5D1}\uFE0F removed",
  changed: "\u270F\uFE0F changed",
  unchanged: "unchanged"
};
function venvNote(deployment, plan) {
  const change = deployment.files.find((f2) => f2.path.endsWith(INPUT_SUFFIX) && f2.status !== "unchanged");
  if (!change) return void 0;
  const name = change.path.slice(0, -INPUT_SUFFIX.length);
  const requirements = plan?.inputs.find((file) => file.path === name);
  if (change.status === "removed" || !requirements) {
    return `\u{1F4E6} ${code(name)} is gone: the venv will be rebuilt without requirements.`;
  }
  const packages = requirementLines(requirements.content).length;
  return `\u{1F4E6} ${code(name)} ${change.status === "added" ? "is new" : "changed"}: the venv will be rebuilt (${plural(packages, "package")}), unless the project's venv store already holds one for these requirements.`;
}
function requirementLines(content) {
  return content.split("\n").map((line) => line.replace(/(^|\s)#.*$/, "").trim()).filter((line) => line !== "" && !line.startsWith("-"));
}
function validationSection(validation) {
  const checks = [...validation.checks];
  if (!checks.includes("shellcheck")) checks.push("shellcheck (not installed, skipped)");
  const lines = [`**Validation** \u2014 checks: ${checks.join(", ")}.`];
  if (validation.errors.length === 0 && validation.warnings.length === 0) lines.push("", "No problems found.");
  if (validation.errors.length > 0) lines.push("", `Errors:`, "", problemList(validation.errors));
  if (validation.warnings.length > 0) lines.push("", `Warnings:`, "", problemList(validation.warnings));
  return lines.join("\n");
}
function problemList(problems) {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `- ${escapeText(formatProblem(p))}`);
  if (problems.length > shown.length) shown.push(`- \u2026 and ${problems.length - shown.length} more`);
  return shown.join("\n");
}
function deploymentTitle(d) {
  return `${code(d.branch)} \u2192 ${escapeText(d.environment)} (${code(d.root)})`;
}
function fileSection(file) {
  const added = file.patch.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++")).length;
  const removed = file.patch.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---")).length;
  const mode = file.modeChange ? `, mode ${file.modeChange}` : "";
  const title = `<code>${escapeHtml(file.path)}</code> \u2014 ${file.status} (+${added} \u2212${removed}${mode})`;
  return codeSection(title, file.patch, "diff");
}
function codeSection(title, content, language) {
  const tick = fenceFor(content);
  const open = `<details><summary>${title}</summary>

${tick}${language}
`;
  const close = `${tick}

</details>`;
  const body = content.endsWith("\n") ? content : `${content}
`;
  return {
    text: `${open}${body}${close}`,
    cut: (budget) => {
      const note = `\u2026 (cut here; the rest is in the job summary)
`;
      const room = budget - bytes(open) - bytes(close) - bytes(note);
      if (room < 200) return void 0;
      return `${open}${cutText(body, room)}${note}${close}`;
    }
  };
}
function fenceFor(content) {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(longest + 1);
}
function cutText(text, budget) {
  if (bytes(text) <= budget) return text;
  let used = 0;
  const kept = [];
  for (const line of text.split("\n")) {
    const size = bytes(line) + 1;
    if (used + size > budget) break;
    kept.push(line);
    used += size;
  }
  return kept.length > 0 ? `${kept.join("\n")}
` : "";
}
var bytes = (text) => Buffer.byteLength(text, "utf8");
var short = (sha) => sha.slice(0, 7);

export {
  planMarkdown,
  renderPlanMarkdown
};
