// The product page's buy box, annotated the AXAG 1.1 way: one `axag` macro per action
// (type:intent!risk?keys), with longhand beside it for what the macro cannot say, such as
// a typed parameter object for the quantity.
type Props = { productId: string; variants: { id: string; label: string }[] };

export function BuyBox({ productId, variants }: Props) {
  return (
    <form
      className="buy-box"
      axag="write:cart.add_item!low?idempotent=false&scope=user&opt=variant_id"
      axag-required-parameters='["product_id", {"name": "quantity", "type": "integer", "min": 1, "max": 10}]'
      axag-description="Add this product to the cart"
    >
      <input type="hidden" name="product_id" value={productId} />
      <select name="variant_id" axag-parameter="variant_id">
        {variants.map((variant) => (
          <option key={variant.id} value={variant.id}>
            {variant.label}
          </option>
        ))}
      </select>
      <input type="number" name="quantity" min={1} max={10} defaultValue={1} axag-parameter="quantity" />
      <button type="submit">Add to cart</button>
      <button type="button" axag="write:wishlist.add_item!low?idempotent&scope=user">
        Save for later
      </button>
    </form>
  );
}
