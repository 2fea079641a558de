/**
 * `npm run hub [-- --port 8081 --tls --agents 40 --events 300 --take-cap 500 --seed 1]`: runs the Hub emulator as a
 * sandbox for a real n8n until Ctrl-C. The port also comes from HUB_PORT.
 */
import { DEFAULT_USERS, startHub } from '../test/hub';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

function numberOption(name: string, fallback?: number): number | undefined {
	const value = option(name);
	if (value === undefined) return fallback;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0)
		throw new Error(`--${name} needs a whole number, not '${value}'`);
	return parsed;
}

async function main(): Promise<void> {
	const hub = await startHub({
		port: numberOption('port', Number(process.env.HUB_PORT ?? 8081)),
		tls: process.argv.includes('--tls'),
		agents: numberOption('agents'),
		events: numberOption('events'),
		takeCap: numberOption('take-cap'),
		seed: numberOption('seed'),
	});
	const [admin, ...others] = DEFAULT_USERS;
	console.log(
		`Netwrix Change Tracker Hub emulator (${hub.store.agents.length} devices, ${hub.store.events.events.length} change events)`,
	);
	console.log(`\n  Hub URL for the n8n credential:  ${hub.url}`);
	console.log(`  Login:                           ${admin.userName} / ${admin.password}`);
	if (hub.url.startsWith('https'))
		console.log(
			'  TLS: self-signed TEST ONLY certificate; turn on "Ignore SSL Issues (Insecure)" in the credential.',
		);
	console.log('\n  Other users:');
	for (const user of others)
		console.log(
			`    ${user.userName.padEnd(12)} ${user.password.padEnd(16)} ${user.permissions.join(', ')}`,
		);
	console.log('\nPress Ctrl-C to stop.');
	process.once('SIGINT', () => {
		console.log('\nStopping the Hub emulator.');
		void hub.close().then(() => process.exit(0));
	});
}

main().catch((error: Error) => {
	console.error(`Could not start the Hub emulator: ${error.message}`);
	process.exit(1);
});
