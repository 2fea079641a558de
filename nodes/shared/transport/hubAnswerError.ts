/**
 * A Hub answer that parsed but contradicts what was asked (another record, an impossible value): the node stops
 * rather than act on it. n8n shows `description` under the message.
 */
export class HubAnswerError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'HubAnswerError';
	}
}
