import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { OnnxGraphBuilder, ONNX_ML_OPSET, ONNX_OPSET } from './graph-builder';
import { onnx } from './proto/onnx.js';

describe('OnnxGraphBuilder', () => {
  it('makes unique, valid tensor names from hints and keeps reserved and input names away', () => {
    const builder = new OnnxGraphBuilder('g');
    builder.addInput('Body mass (g)', 'double', ['N', 1]);
    builder.reserve('label');
    expect([builder.name('Age_imputed'), builder.name('Age_imputed'), builder.name('Age imputed'), builder.name('label'), builder.name('')]).toEqual(['Age_imputed', 'Age_imputed_1', 'Age_imputed_2', 'label_1', 't']);
  });

  it('encodes a model with both opsets that ONNX Runtime runs: inputs named as columns, doubles exact, strings', async () => {
    const builder = new OnnxGraphBuilder('g');
    const mass = builder.addInput('Body mass (g)', 'double', ['N', 1]);
    const island = builder.addInput('island', 'string', ['N', 1]);
    const offset = builder.constant('offset', { type: 'double', dims: [1, 1], values: [0.1] });
    const [sum] = builder.node('Add', [mass, offset], ['mass plus']);
    const [code] = builder.node('LabelEncoder', [island], ['island_code'], { keys_strings: { strings: ['Biscoe', 'Dream'] }, values_int64s: { ints: [0, 1] }, default_int64: { i: -1 } }, 'ai.onnx.ml');
    builder.output(sum, 'prediction', 'double', ['N', 1]);
    builder.output(code, 'code', 'int64', ['N', 1]);
    const bytes = builder.toBytes({ producerVersion: '0.1.0', docString: 'test' });

    const model = onnx.ModelProto.decode(bytes);
    expect(model.opsetImport.map((opset) => [opset.domain, Number(opset.version)])).toEqual([['', ONNX_OPSET], ['ai.onnx.ml', ONNX_ML_OPSET]]);
    const session = await ort.InferenceSession.create(bytes);
    expect(session.inputNames).toEqual(['Body mass (g)', 'island']);
    const result = await session.run({
      'Body mass (g)': new ort.Tensor('float64', Float64Array.from([0.2, NaN]), [2, 1]),
      island: new ort.Tensor('string', ['Dream', 'Atlantis'], [2, 1]),
    });
    expect(Array.from(result.prediction.data as Float64Array)).toEqual([0.2 + 0.1, NaN]);
    expect(Array.from(result.code.data as BigInt64Array)).toEqual([1n, -1n]);
  });

  it('refuses a tensor whose values do not fill its dims, naming it', () => {
    expect(() => new OnnxGraphBuilder('g').constant('w', { type: 'double', dims: [2, 2], values: [1, 2, 3] })).toThrow(/"w" has dims \[2, 2\] but 3 values/);
  });
});
