// The cart drawer as a React component. The <aside> provides the entity and the
// scope to every line; each line's quantity form and remove button are actions.
export function MiniCart({ lines, onRemove }) {
  return (
    <aside className="mini-cart" axag-entity="cart" axag-scope="user">
      <h2>Your cart</h2>
      <ul>
        {lines.map((line) => (
          <li key={line.id}>
            {line.title}
            <form
              axag-intent="cart.update_quantity"
              axag-action-type="write"
              axag-required-parameters={JSON.stringify(['line_id', 'quantity'])}
              axag-risk-level="low"
              axag-idempotent
            >
              <input type="number" name="quantity" defaultValue={line.quantity} axag-parameter="quantity" />
              <button type="submit">Update</button>
            </form>
            <button
              type="button"
              onClick={() => onRemove(line.id)}
              axag-intent="cart.remove_item"
              axag-action-type="delete"
              axag-required-parameters={JSON.stringify(['line_id'])}
              axag-description={`Remove ${line.title} from the cart`}
              axag-risk-level="low"
              axag-idempotent
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
