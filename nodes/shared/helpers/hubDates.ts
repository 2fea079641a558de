/**
 * A date the Hub sent, as given, or null when it is .NET's `DateTime.MinValue` ("0001-01-01T00:00:00…"): the Hub's
 * way of saying "never set" (docs/hub-api.md §1.6).
 */
export function hubDateOrNull(value: string | null | undefined): string | null {
	if (typeof value !== 'string' || value.trim() === '' || value.trim().startsWith('0001-01-01'))
		return null;
	return value;
}
