/** One table of the benchmark report. */
export interface BenchTable {
	title: string;
	columns: string[];
	rows: Array<Array<string | number>>;
	notes?: string[];
}

export function formatTable(table: BenchTable): string {
	const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
	const widths = table.columns.map((_, c) =>
		Math.max(...cells.map((row) => (row[c] ?? '').length)),
	);
	const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
	return [
		`### ${table.title}`,
		'',
		line(table.columns),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...table.rows.map((row) => line(row.map(String))),
		...(table.notes?.length ? ['', ...table.notes.map((note) => `- ${note}`)] : []),
		'',
	].join('\n');
}

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
