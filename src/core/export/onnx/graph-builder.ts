// Builds one ONNX graph node by node and encodes it as a ModelProto (protobufjs static module, no eval at run time).
//
// Conventions every converter (pipeline steps and models) follows:
// - every per-column tensor is [N, 1], N the symbolic batch dimension "N";
// - numbers, datetimes (epoch ms) and booleans (0/1) flow as `double`, missing = NaN;
// - categories and text flow as `string`, the empty string "" meaning missing;
// - graph inputs: one per raw column the pipeline reads (the run's input contract), named exactly as the column
//   (ONNX names are arbitrary strings: spaces and punctuation are fine for ONNX Runtime);
// - the model reads one [N, F] double feature matrix, columns in `run.featureNames` order.
// Tensor names made by `name()` / `node()` / `constant()` are unique; internal ones keep only [A-Za-z0-9_.] of the hint.

import { onnx } from './proto/onnx.js';

/** 'uint8' only for attributes that require it (TreeEnsemble's nodes_modes). */
export type OnnxElementType = 'float' | 'double' | 'int64' | 'string' | 'bool' | 'uint8';
export type OnnxAttribute =
  | { i: number }
  | { f: number }
  | { s: string }
  | { ints: readonly number[] }
  | { floats: readonly number[] }
  | { strings: readonly string[] }
  | { t: OnnxTensorValue };
export interface OnnxTensorValue {
  type: OnnxElementType;
  dims: readonly number[];
  values: ArrayLike<number> | readonly string[] | readonly bigint[];
}

/** The default-domain opset the graph imports (ONNX 1.16+; ONNX Runtime ≥ 1.18 runs it). */
export const ONNX_OPSET = 21;
/** The ai.onnx.ml opset (5: the TreeEnsemble op with double thresholds and set-membership splits). */
export const ONNX_ML_OPSET = 5;
/** ModelProto.ir_version that goes with opset 21 (IR v10). */
export const ONNX_IR_VERSION = 10;

const DataType = onnx.TensorProto.DataType;
const ELEMENT_TYPES: Record<OnnxElementType, number> = {
  float: DataType.FLOAT,
  double: DataType.DOUBLE,
  int64: DataType.INT64,
  string: DataType.STRING,
  bool: DataType.BOOL,
  uint8: DataType.UINT8,
};

/** The TensorProto.DataType code of `type` (for Cast's `to` attribute). */
export function toOnnxDataType(type: OnnxElementType): number {
  return ELEMENT_TYPES[type];
}

export class OnnxGraphBuilder {
  private readonly graphName: string;
  private readonly used = new Set<string>();
  private readonly nodes: onnx.NodeProto.$Properties[] = [];
  private readonly initializers: onnx.TensorProto.$Properties[] = [];
  private readonly inputs: onnx.ValueInfoProto.$Properties[] = [];
  private readonly outputs: onnx.ValueInfoProto.$Properties[] = [];
  private nodeCount = 0;

  constructor(graphName: string) {
    this.graphName = graphName;
  }

  /** A fresh tensor name from a hint ("Age_imputed" → "Age_imputed", then "Age_imputed_1"…); ONNX names stay valid. */
  name(hint: string): string {
    const base = hint.replace(/[^A-Za-z0-9_.]/g, '_') || 't';
    let candidate = base;
    for (let suffix = 1; this.used.has(candidate); suffix++) candidate = `${base}_${suffix}`;
    this.used.add(candidate);
    return candidate;
  }

  /** Keeps `name` (e.g. a graph output such as "label") away from `name()`, so it can be given to a node later. */
  reserve(name: string): void {
    this.used.add(name);
  }

  /** A graph input named exactly `name` (a raw column name, spaces and all); returns it. */
  addInput(name: string, type: OnnxElementType, shape: readonly (number | string)[]): string {
    if (this.inputs.some((input) => input.name === name)) throw new Error(`The ONNX graph already has an input "${name}"; every raw column must appear once.`);
    this.used.add(name);
    this.inputs.push(describeValue(name, type, shape));
    return name;
  }

  /** Declares the tensor `name` (already produced, or reserved and produced later) a graph output. */
  addOutput(name: string, type: OnnxElementType, shape: readonly (number | string)[]): void {
    this.used.add(name);
    this.outputs.push(describeValue(name, type, shape));
  }

  /** Makes `tensor` the graph output `outputName` (an Identity node when the names differ); returns `outputName`. */
  output(tensor: string, outputName: string, type: OnnxElementType, shape: readonly (number | string)[]): string {
    if (tensor !== outputName) {
      this.reserve(outputName);
      this.nodes.push({ opType: 'Identity', input: [tensor], output: [outputName], name: `n${this.nodeCount++}_Identity`, domain: '' });
    }
    this.addOutput(outputName, type, shape);
    return outputName;
  }

  /** A constant tensor; returns its (unique) name. */
  constant(hint: string, value: OnnxTensorValue): string {
    const name = this.name(hint);
    this.initializers.push(encodeTensor(name, value));
    return name;
  }

  /** One node; `outputs` are name hints, made unique; returns the output names. domain '' (default) or 'ai.onnx.ml'. */
  node(opType: string, inputs: readonly string[], outputs: readonly string[], attributes: Record<string, OnnxAttribute> = {}, domain: '' | 'ai.onnx.ml' = ''): string[] {
    const outputNames = outputs.map((hint) => this.name(hint));
    this.nodes.push({
      opType,
      domain,
      name: `n${this.nodeCount++}_${opType}`,
      input: [...inputs],
      output: outputNames,
      attribute: Object.entries(attributes).map(([name, attribute]) => encodeAttribute(name, attribute)),
    });
    return outputNames;
  }

  /** The ModelProto bytes: this graph with the ONNX_OPSET / ONNX_ML_OPSET imports. */
  toBytes(options: { producerVersion: string; docString?: string }): Uint8Array {
    const model: onnx.ModelProto.$Properties = {
      irVersion: ONNX_IR_VERSION,
      producerName: 'ML Studio',
      producerVersion: options.producerVersion,
      docString: options.docString ?? '',
      opsetImport: [
        { domain: '', version: ONNX_OPSET },
        { domain: 'ai.onnx.ml', version: ONNX_ML_OPSET },
      ],
      graph: { name: this.graphName, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    };
    return onnx.ModelProto.encode(model).finish();
  }
}

function describeValue(name: string, type: OnnxElementType, shape: readonly (number | string)[]): onnx.ValueInfoProto.$Properties {
  const dim = shape.map((size) => (typeof size === 'number' ? { dimValue: size } : { dimParam: size }));
  return { name, type: { tensorType: { elemType: ELEMENT_TYPES[type], shape: { dim } } } };
}

function encodeAttribute(name: string, attribute: OnnxAttribute): onnx.AttributeProto.$Properties {
  const Type = onnx.AttributeProto.AttributeType;
  if ('i' in attribute) return { name, type: Type.INT, i: attribute.i };
  if ('f' in attribute) return { name, type: Type.FLOAT, f: attribute.f };
  if ('s' in attribute) return { name, type: Type.STRING, s: encodeUtf8(attribute.s) };
  if ('ints' in attribute) return { name, type: Type.INTS, ints: [...attribute.ints] };
  if ('floats' in attribute) return { name, type: Type.FLOATS, floats: [...attribute.floats] };
  if ('strings' in attribute) return { name, type: Type.STRINGS, strings: attribute.strings.map(encodeUtf8) };
  return { name, type: Type.TENSOR, t: encodeTensor('', attribute.t) };
}

/** Numbers travel as little-endian raw_data (exact for doubles); strings as UTF-8 string_data. */
function encodeTensor(name: string, value: OnnxTensorValue): onnx.TensorProto.$Properties {
  const count = value.dims.reduce((product, size) => product * size, 1);
  if (value.values.length !== count) throw new Error(`The ONNX tensor "${name}" has dims [${value.dims.join(', ')}] but ${value.values.length} values; pass ${count}.`);
  const base = { name, dims: [...value.dims], dataType: ELEMENT_TYPES[value.type] };
  if (value.type === 'string') return { ...base, stringData: (value.values as readonly string[]).map(encodeUtf8) };
  const width = value.type === 'double' || value.type === 'int64' ? 8 : value.type === 'float' ? 4 : 1;
  const bytes = new Uint8Array(count * width);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < count; index++) {
    const item = value.values[index] as number | bigint;
    if (value.type === 'double') view.setFloat64(index * 8, Number(item), true);
    else if (value.type === 'float') view.setFloat32(index * 4, Number(item), true);
    else if (value.type === 'int64') view.setBigInt64(index * 8, BigInt(item), true);
    else if (value.type === 'uint8') view.setUint8(index, Number(item));
    else view.setUint8(index, Number(item) ? 1 : 0);
  }
  return { ...base, rawData: bytes };
}

function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
