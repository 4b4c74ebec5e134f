// The notebook file's public surface, for the browser's Export / Import and `ml-studio run`.

export { checkDatasetColumns, compareDatasetColumns } from './check-dataset-columns';
export { EMBEDDED_CSV_OPTIONS, NOTEBOOK_FILE_FORMAT, NOTEBOOK_FILE_VERSION, toCell } from './file-types';
export type { DatasetBinding, DatasetColumnRef, EmbeddedDataset, EmbeddedModel, EmbeddedModelVersion, FileCell, NotebookFile } from './file-types';
export { createNotebookFromFile, describeWantedDataset } from './notebook-from-file';
export { checkNotebookFile, readNotebookFile } from './read-notebook-file';
export { createNotebookFile, formatNotebookFile, type NotebookFileParts } from './write-notebook-file';
export { buildWelcomeNotebook, WELCOME_NAME } from './build-welcome-notebook';
