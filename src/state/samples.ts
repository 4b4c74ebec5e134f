// The bundled sample datasets (public/samples/index.json): listing them and fetching one as a File,
// so a sample goes through exactly the same import as a file the user chose.

/** One entry of public/samples/index.json. */
export interface SampleInfo {
  id: string;
  name: string;
  file: string;
  task: string;
  target: string;
  description: string;
  rows: number;
  columns: number;
  source: string;
  license: string;
}

/** Reads the samples index; an index that is missing or malformed yields an empty list (samples are optional). */
export function parseSampleIndex(json: unknown): SampleInfo[] {
  const samples = (json as { samples?: unknown } | null)?.samples;
  if (!Array.isArray(samples)) return [];
  return samples.filter((s): s is SampleInfo => typeof s?.id === 'string' && typeof s?.file === 'string' && typeof s?.name === 'string');
}

/** Fetches the samples index below `baseUrl` (Vite's BASE_URL, ending in "/"). */
export async function fetchSamples(baseUrl: string): Promise<SampleInfo[]> {
  const response = await fetch(`${baseUrl}samples/index.json`);
  if (!response.ok) return [];
  return parseSampleIndex(await response.json());
}

/** Fetches a sample's bytes and wraps them in a File named after the sample file. */
export async function fetchSampleFile(baseUrl: string, sample: SampleInfo): Promise<File> {
  const response = await fetch(`${baseUrl}samples/${sample.file}`);
  if (!response.ok) throw new Error(`Could not download the sample "${sample.name}" (HTTP ${response.status}). Reload the page and try again.`);
  const type = sample.file.endsWith('.csv') ? 'text/csv' : 'application/octet-stream';
  return new File([await response.blob()], sample.file, { type });
}
