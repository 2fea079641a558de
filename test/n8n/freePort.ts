import { createServer } from 'node:net';

/** A TCP port on loopback that nothing listens on right now (n8n, its task broker, a browser's debugger). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}
