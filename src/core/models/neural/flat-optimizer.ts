// Adam, SGD and RMSprop over one flat parameter tensor, with the same update rules and defaults as tf.train's
// (Adam β₁ 0.9, β₂ 0.999, ε 1e-7; RMSprop ρ 0.9, ε 1e-7): ~12 kernels per step whatever the layer count.

import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from './params';

/** An optimiser holding its own slot tensors; `step` returns the new parameters (call inside tf.tidy). */
export interface FlatOptimizer {
  step(theta: tf.Tensor1D, gradient: tf.Tensor1D): tf.Tensor1D;
  dispose(): void;
}

const EPSILON = 1e-7;

/** An optimiser for `size` parameters at `learningRate` per step. */
export function createFlatOptimizer(name: OptimizerName, learningRate: number, size: number): FlatOptimizer {
  // Slots live across steps: kept out of the caller's tidy and replaced (old one disposed) at every step.
  let first = tf.keep(tf.zeros([size])) as tf.Tensor1D;
  let second = tf.keep(tf.zeros([size])) as tf.Tensor1D;
  let t = 0;
  const replace = (old: tf.Tensor1D, next: tf.Tensor): tf.Tensor1D => {
    old.dispose();
    return tf.keep(next) as tf.Tensor1D;
  };
  return {
    step(theta, g) {
      t++;
      if (name === 'sgd') return tf.sub(theta, tf.mul(g, learningRate));
      if (name === 'rmsprop') {
        second = replace(second, tf.add(tf.mul(second, 0.9), tf.mul(tf.square(g), 0.1)));
        return tf.sub(theta, tf.div(tf.mul(g, learningRate), tf.sqrt(tf.add(second, EPSILON))));
      }
      first = replace(first, tf.add(tf.mul(first, 0.9), tf.mul(g, 0.1)));
      second = replace(second, tf.add(tf.mul(second, 0.999), tf.mul(tf.square(g), 0.001)));
      const rate = (learningRate * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
      return tf.sub(theta, tf.mul(tf.div(first, tf.add(tf.sqrt(second), EPSILON)), rate));
    },
    dispose() {
      tf.dispose([first, second]);
    },
  };
}
