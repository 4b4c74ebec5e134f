// Missing-value tokens as the comma-separated text the user edits; the empty token is written "" .

/** ['', 'NA', '-'] → '"", NA, -'. */
export function formatTokenList(tokens: readonly string[]): string {
  return tokens.map((token) => (token === '' ? '""' : token)).join(', ');
}

/** '"", NA, -,NA' → ['', 'NA', '-']: trimmed, `""` is the empty token, duplicates dropped, order kept. */
export function parseTokenList(text: string): string[] {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  return [...new Set(parts.map((part) => (part === '""' ? '' : part)))];
}
