// Lien's blocks in the block editor: the element's attributes in the sidebar, and the element itself as the preview,
// its module loaded into the editor's canvas (an iframe with its own custom elements). The blocks' definitions come
// from their block.json (registered by PHP); the data below from includes/blocks.php.
(function (wp, data) {
  const {registerBlockType, getBlockType} = wp.blocks;
  const {InspectorControls, useBlockProps} = wp.blockEditor;
  const {PanelBody, TextControl, ToggleControl} = wp.components;
  const {createElement: h, useEffect, useRef} = wp.element;

  /** The element's module, once per document (the canvas is an iframe). */
  function useModule(ref, url) {
    useEffect(() => {
      const doc = ref.current && ref.current.ownerDocument;
      if (!doc || doc.querySelector(`script[src="${url}"]`)) return;
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = url;
      doc.head.append(script);
    }, [url]);
  }

  /** The attributes as the element's HTML attributes: a boolean present or absent, everything else a string. */
  function tagAttributes(attributes, types) {
    const out = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (!(name in types) || value === undefined || value === null || value === '' || value === false) continue;
      out[name] = value === true ? '' : String(value);
    }
    return out;
  }

  function field(name, schema, value, help, set) {
    if (schema.type === 'boolean') return h(ToggleControl, {key: name, label: name, help, checked: !!value, onChange: (on) => set({[name]: on}), __nextHasNoMarginBottom: true});
    return h(TextControl, {
      key: name,
      label: name,
      help,
      type: schema.type === 'number' ? 'number' : 'text',
      value: value === undefined || value === null ? '' : String(value),
      onChange: (text) => set({[name]: schema.type === 'number' ? (text === '' || Number.isNaN(Number(text)) ? undefined : Number(text)) : text}),
      __nextHasNoMarginBottom: true,
    });
  }

  for (const [tag, element] of Object.entries(data.elements)) {
    const name = `lien/${tag}`;
    // The title, attributes and render come from block.json, registered by PHP: WordPress merges them in here.
    registerBlockType(name, {
      edit({attributes, setAttributes}) {
        const type = getBlockType(name);
        const ref = useRef(null);
        const props = useBlockProps({ref});
        useModule(ref, element.module);
        const types = Object.fromEntries(Object.entries(type.attributes).map(([n, s]) => [n, s.type]));
        return h(
          'div',
          props,
          h(
            InspectorControls,
            null,
            h(
              PanelBody,
              {title: data.labels.settings},
              Object.entries(type.attributes).map(([n, schema]) => field(n, schema, attributes[n], element.help[n], setAttributes))
            )
          ),
          h('div', {inert: '', 'aria-label': data.labels.preview, style: data.theme}, h(tag, {...tagAttributes(element.defaults, types), ...tagAttributes(attributes, types)}))
        );
      },
      save: () => null,
    });
  }
})(window.wp, window.lienBlocks);
