// Types for the tests' Prometheus text-format parser (the package ships none): families as prom2json writes them.
declare module 'parse-prometheus-text-format' {
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
