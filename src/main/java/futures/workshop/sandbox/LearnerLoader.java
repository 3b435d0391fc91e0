package futures.workshop.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Loads the learner's compiled classes for one run, with every call that would end the JVM
 * ({@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt}, also as method references)
 * pointed at {@link ExitTrap}. A sandbox JVM therefore survives the exit that step 6 asks for on
 * bad input and serves the next run, instead of a new JVM start per exit. Calls made some other
 * way (reflection, say) still end the JVM; the harness's shutdown hook reports those.
 */
final class LearnerLoader extends ClassLoader {
    private static final String TRAP = Type.getInternalName(ExitTrap.class);
    private static final String RUNTIME_INT = "(Ljava/lang/Runtime;I)V";

    private final Path classes;

    LearnerLoader(Path classes, ClassLoader parent) {
        super(parent);
        this.classes = classes;
    }

    /** The learner's library: all of the kit a learner's class may use, with the exit trap its exits were pointed at. */
    private static final java.util.List<String> LIBRARY = java.util.List.of("futures.workshop.lesson.",
            "futures.workshop.runtime.");

    /** Whether {@code className} is part of the kit above the learner's library. */
    static boolean aboveTheLibrary(String className) {
        return className.startsWith("futures.workshop.") && LIBRARY.stream().noneMatch(className::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (aboveTheLibrary(name) && !name.startsWith(ExitTrap.class.getName())) {
            throw new ClassNotFoundException(name + " is part of the kit, not of the learner's library");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        try {
            bytes = rewrite(Files.readAllBytes(classes.resolve(name.replace('.', '/') + ".class")));
        } catch (NoSuchFileException e) {
            throw new ClassNotFoundException(name);
        } catch (IOException | RuntimeException e) {
            throw new ClassNotFoundException(name + ": " + e, e);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** The class with its exits redirected; everything else is copied as it was. */
    static byte[] rewrite(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        // same stack effect before and after, so no frames or sizes need computing again
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new Redirect(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** The trap's method for a call that ends the JVM, as {name, descriptor}; null for any other. */
    private static String[] trapFor(String owner, String name, String descriptor) {
        if (!descriptor.equals("(I)V")) {
            return null;
        }
        if (owner.equals("java/lang/System") && name.equals("exit")) {
            return new String[] {"exit", "(I)V"};
        }
        if (owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt"))) {
            return new String[] {name, RUNTIME_INT}; // the receiver becomes the first argument
        }
        return null;
    }

    private static Object redirect(Object constant) {
        if (constant instanceof Handle h) {
            String[] trap = trapFor(h.getOwner(), h.getName(), h.getDesc());
            if (trap != null) {
                return new Handle(Opcodes.H_INVOKESTATIC, TRAP, trap[0], trap[1], false);
            }
        }
        return constant;
    }

    private static final class Redirect extends MethodVisitor {
        Redirect(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String[] trap = trapFor(owner, name, descriptor);
            if (trap == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, trap[0], trap[1], false);
            }
        }

        /** Method references ({@code System::exit}) reach the bootstrap as handles. */
        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] redirected = arguments.clone();
            for (int i = 0; i < redirected.length; i++) {
                redirected[i] = redirect(redirected[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, redirected);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(redirect(value));
        }
    }
}
