// ONNX form of UTC calendar parts of epoch-ms instants (the date_parts step and the expression functions year()…):
// H. Hinnant's civil_from_days with Floor/Div on doubles (exact: every intermediate is an integer far below 2^53),
// after the truncation and ±8.64e15 ms validity check that `new Date(t)` applies.

import { decodeNumber } from '../../../transform/json-number';
import type { DatePartsState } from '../../../transform/steps/date-parts';
import type { DatePart, DatePartsStep, ResolvedStep } from '../../../transform/step-types';
import type { OnnxGraphBuilder } from '../graph-builder';
import { castToDouble, constantDouble, emit, emitFloorDiv, emitFloorMod, emitWhere } from './onnx-ops';
import { createUnsupportedError, replaceOnnxColumns, requireOnnxColumn, type OnnxColumn, type StepExporter } from './step-exporter';

const DAY_MS = 86_400_000;
const MAX_DATE_MS = 8.64e15;

/** Emits the calendar parts of one datetime tensor on demand, sharing the day arithmetic between parts. */
export function createCalendar(builder: OnnxGraphBuilder, t: string): (part: Exclude<DatePart, 'days_since'>) => string {
  const c = (v: number) => constantDouble(builder, v);
  const op = (type: string, inputs: string[], hint: string) => emit(builder, type, inputs, hint);
  const memo = new Map<string, string>();
  const once = (key: string, make: () => string): string => memo.get(key) ?? (memo.set(key, make()), memo.get(key) as string);
  const valid = () => once('valid', () => op('LessOrEqual', [op('Abs', [t], 'abs_t'), c(MAX_DATE_MS)], 'valid_date'));
  const whole = () => once('whole', () => emitWhere(builder, op('Less', [t, c(0)], 'negative'), op('Ceil', [t], 'ceil'), op('Floor', [t], 'floor'), 't_whole'));
  const days = () => once('days', () => emitFloorDiv(builder, whole(), DAY_MS, 'days'));
  const weekday = () => once('weekday', () => emitFloorMod(builder, op('Add', [days(), c(3)], 'days_from_monday'), 7, 'weekday'));
  const civil = () => once('civil', () => {
    const z = op('Add', [days(), c(719468)], 'z');
    const era = emitFloorDiv(builder, z, 146097, 'era');
    const doe = op('Sub', [z, op('Mul', [era, c(146097)], 'era_days')], 'doe');
    const yoeSum = op('Sub', [op('Add', [op('Sub', [doe, emitFloorDiv(builder, doe, 1460)], 'a'), emitFloorDiv(builder, doe, 36524)], 'b'), emitFloorDiv(builder, doe, 146096)], 'c');
    const yoe = emitFloorDiv(builder, yoeSum, 365, 'yoe');
    const y = op('Add', [yoe, op('Mul', [era, c(400)], 'era_years')], 'y');
    const yearStart = op('Sub', [op('Add', [op('Mul', [yoe, c(365)], 'yoe_days'), emitFloorDiv(builder, yoe, 4)], 'leaps'), emitFloorDiv(builder, yoe, 100)], 'year_start');
    const doy = op('Sub', [doe, yearStart], 'doy');
    const mp = emitFloorDiv(builder, op('Add', [op('Mul', [doy, c(5)], 'doy5'), c(2)], 'doy5_2'), 153, 'mp');
    const day = op('Add', [op('Sub', [doy, emitFloorDiv(builder, op('Add', [op('Mul', [mp, c(153)], 'mp153'), c(2)], 'mp153_2'), 5)], 'day0'), c(1)], 'day');
    const month = op('Add', [mp, emitWhere(builder, op('Less', [mp, c(10)], 'early'), c(3), c(-9), 'month_shift')], 'month');
    const year = op('Add', [y, castToDouble(builder, op('LessOrEqual', [month, c(2)], 'jan_feb'))], 'year');
    memo.set('year', year).set('month', month).set('day', day);
    return year;
  });
  const orNaN = (value: string, hint: string) => emitWhere(builder, valid(), value, c(NaN), hint);
  return (part) => {
    switch (part) {
      case 'year':
      case 'month':
      case 'day':
        civil();
        return orNaN(memo.get(part) as string, part);
      case 'weekday':
        return orNaN(weekday(), 'weekday_part');
      case 'hour': {
        const msInDay = op('Sub', [whole(), op('Mul', [days(), c(DAY_MS)], 'day_start')], 'ms_in_day');
        return orNaN(emitFloorDiv(builder, msInDay, 3_600_000, 'hour'), 'hour_part');
      }
      case 'is_weekend': {
        // (NaN + 6) % 7 >= 5 is false: an out-of-range instant is "not weekend" (0), a missing one NaN.
        const weekend = op('And', [valid(), op('GreaterOrEqual', [weekday(), c(5)], 'sat_sun')], 'weekend');
        return emitWhere(builder, op('IsNaN', [t], 'is_nan'), c(NaN), castToDouble(builder, weekend), 'is_weekend');
      }
    }
  };
}

/** Date parts: `<name>_<part>` columns after the source (dropped when dropOriginal). */
export const exportDateParts: StepExporter<ResolvedStep<DatePartsStep>, DatePartsState> = (builder, step, state, columns) => {
  const replacements = new Map<string, [string, OnnxColumn][]>();
  for (const { name, referenceMs } of state.columns) {
    const column = requireOnnxColumn(step, columns, name);
    if (column.kind !== 'datetime') throw createUnsupportedError(step, `column '${name}' is ${column.kind}; date parts need a datetime column (the studio refuses this too).`);
    const calendar = createCalendar(builder, column.tensor);
    const parts: [string, OnnxColumn][] = step.parts.map((part) => {
      const tensor = part === 'days_since'
        ? emit(builder, 'Div', [emit(builder, 'Sub', [column.tensor, constantDouble(builder, decodeNumber(referenceMs))], 'since'), constantDouble(builder, DAY_MS)], `${name}_days_since`)
        : calendar(part);
      return [`${name}_${part}`, { tensor, kind: 'numeric' }];
    });
    replacements.set(name, step.dropOriginal ? parts : [[name, column], ...parts]);
  }
  return replaceOnnxColumns(columns, replacements);
};
