/**
 * A node parameter that evaluates to `secret` without the workflow JSON containing it: an expression joining
 * 3-character pieces. n8n keeps node parameters (and the input items) in the run data it stores, so a secret typed
 * into a parameter would be found there whatever the node does; planted this way, any copy of the secret found in
 * the run data came from the node. In real workflows secrets arrive the same way, through expressions.
 */
export function plantedSecret(secret: string): string {
	const pieces: string[] = [];
	for (let i = 0; i < secret.length; i += 3) pieces.push(JSON.stringify(secret.slice(i, i + 3)));
	return `={{ [${pieces.join(', ')}].join('') }}`;
}

/** A JSON text parameter whose secret-bearing parts are planted the same way: `template` holds `{{secret}}` placeholders. */
export function plantedJson(template: string, secret: string): string {
	const parts = template.split('{{secret}}').map((part) => JSON.stringify(part));
	const secretExpression = plantedSecret(secret).slice(4, -3);
	return `={{ ${parts.join(` + ${secretExpression} + `)} }}`;
}
