/**
 * Runs one emulator in a process of its own, so a test can measure what the emulator alone costs (start time,
 * peak RSS) without the test runner's other suites in the same heap. Driven over IPC by test/hub.behaviour.test.ts.
 */
import { startHub } from './index';
import type { HubOptions } from './types';

process.once('message', async (options: HubOptions) => {
	const started = Date.now();
	const cpuBefore = process.cpuUsage();
	const hub = await startHub(options);
	const cpu = process.cpuUsage(cpuBefore);
	process.send!({
		url: hub.url,
		startMs: Date.now() - started,
		startCpuMs: Math.round((cpu.user + cpu.system) / 1000),
		offline: hub.store.agents.filter((device) => device.OnlineStatus === 'Offline').length,
	});
	process.once('message', async () => {
		const maxRssBytes = process.resourceUsage().maxRSS * 1024;
		await hub.close();
		process.send!({ maxRssBytes }, undefined, {}, () => process.exit(0));
	});
});
