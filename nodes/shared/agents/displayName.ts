/**
 * The name a person knows a device by. The spec describes `Name` as the display name; `DeviceName` is the name the
 * device was registered or last renamed with (the Hub sets both on register and rename). Empty strings fall through
 * (docs/hub-api.md §5.4).
 */
export function displayNameOf(agent: { Name?: string | null; DeviceName?: string | null }): string {
	return agent.Name || agent.DeviceName || '';
}

/**
 * Whether an agent has exactly this display name, ignoring case and surrounding spaces: how the package matches a
 * name (docs/hub-api.md §5.2), whatever the Hub's filter returned.
 */
export function hasDisplayName(
	agent: { Name?: string | null; DeviceName?: string | null },
	name: string,
): boolean {
	return displayNameOf(agent).trim().toLowerCase() === name.trim().toLowerCase();
}
