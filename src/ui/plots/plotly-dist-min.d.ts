// The few plotly.js calls the wrapper makes (the package ships no types).
declare module 'plotly.js-strict-dist-min' {
  interface PlotlyApi {
    react(root: HTMLElement, data: unknown[], layout?: unknown, config?: unknown): Promise<unknown>;
    purge(root: HTMLElement): void;
    Plots: { resize(root: HTMLElement): void };
  }
  const Plotly: PlotlyApi;
  export default Plotly;
}
