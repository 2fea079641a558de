import { PassThrough } from 'stream';

import { Deadline } from '../../nodes/shared/transport/deadline';
import { readBody, ResponseTooLarge } from '../../nodes/shared/transport/responseBody';

const listeners = (stream: PassThrough) => ({
	data: stream.listenerCount('data'),
	end: stream.listenerCount('end'),
	error: stream.listenerCount('error'),
});

describe('reading an answer body that n8n hands over as a stream', () => {
	it('returns the text and leaves nothing of the read attached to the stream', async () => {
		const body = new PassThrough();
		const before = listeners(body);
		const text = readBody(body, {}, 1024, new Deadline(5_000));
		body.write('{"Total":');
		body.end('1}');
		await expect(text).resolves.toBe('{"Total":1}');
		// The stream outlives the read: only a no-op error listener (one per read) is left on it.
		expect(listeners(body)).toEqual({
			data: before.data,
			end: before.end,
			error: before.error + 1,
		});
		expect(() => body.emit('error', new Error('reset after the end'))).not.toThrow();
	});

	it('stops at the size limit, drops the stream and leaves nothing attached', async () => {
		const body = new PassThrough();
		const text = readBody(body, {}, 8, new Deadline(5_000));
		body.write('0123456789');
		await expect(text).rejects.toBeInstanceOf(ResponseTooLarge);
		expect(body.destroyed).toBe(true);
		expect(listeners(body).data).toBe(0);
		expect(listeners(body).end).toBe(0);
	});

	it('refuses a declared Content-Length above the limit before reading', async () => {
		const body = new PassThrough();
		await expect(
			readBody(body, { 'content-length': '9' }, 8, new Deadline(5_000)),
		).rejects.toBeInstanceOf(ResponseTooLarge);
		expect(body.destroyed).toBe(true);
	});

	it('passes a stream error on and detaches', async () => {
		const body = new PassThrough();
		const text = readBody(body, {}, 1024, new Deadline(5_000));
		body.destroy(new Error('socket hang up'));
		await expect(text).rejects.toThrow('socket hang up');
		expect(listeners(body).data).toBe(0);
	});

	it('drops a body that trickles past the deadline', async () => {
		const body = new PassThrough();
		const text = readBody(body, {}, 1024, new Deadline(50));
		body.write('{');
		await expect(text).rejects.toThrow(/No complete answer within 50 ms/);
		expect(body.destroyed).toBe(true);
	});

	it('returns a body n8n already read as it is', async () => {
		await expect(readBody('{"a":1}', {}, 1024, new Deadline(5_000))).resolves.toBe('{"a":1}');
	});
});
