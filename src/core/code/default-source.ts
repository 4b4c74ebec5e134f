// What a new Code cell holds: a short example that reads the table above and returns a derived one.

/** A new Code cell's source (it keeps the rows without missing values). */
export const DEFAULT_CODE_SOURCE = `// \`input\` is the table above (null when there is none): input.columns, input.rowCount,
// input.column(name) → its values, input.rows() → [{ column: value, … }]. See "API" below.
if (!input) return 'Add a Data cell above to read its table.';
console.log(\`\${input.rowCount} rows; columns: \${input.columns.join(', ')}\`);
// Return an array of row objects (a table the cells below read), { plot: { data, layout } } or any value.
return input.rows().filter((row) => Object.values(row).every((value) => value !== null));
`;
