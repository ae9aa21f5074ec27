using System.Runtime.CompilerServices;

// Every native call in this assembly passes plain handles and blittable structs; nothing relies on
// the runtime's built-in marshalling, so turn it off and let [LibraryImport] generate exact stubs.
[assembly: DisableRuntimeMarshalling]
