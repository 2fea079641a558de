import { errorChain } from '../../nodes/shared/transport/errorChain';

const caused = (message: string, cause?: unknown) => new Error(message, { cause });

describe('errorChain: an error and its causes', () => {
	it('yields the error, then each cause, outermost first', () => {
		const chain = [...errorChain(caused('node', caused('axios', caused('socket'))))];
		expect(chain.map((link) => link.message)).toEqual(['node', 'axios', 'socket']);
	});

	it('stops at a cause that is not an object', () => {
		expect([...errorChain(caused('outer', 'text'))]).toHaveLength(1);
		expect([...errorChain(undefined)]).toHaveLength(0);
	});

	it('stops at a loop and after 8 links, so a strange error cannot hang the node', () => {
		const first = caused('first');
		const second = caused('second', first);
		first.cause = second;
		expect([...errorChain(first)].map((link) => link.message)).toEqual(['first', 'second']);
		let deep: unknown;
		for (let depth = 0; depth < 20; depth++) deep = caused(`level ${depth}`, deep);
		expect([...errorChain(deep)]).toHaveLength(8);
	});
});
